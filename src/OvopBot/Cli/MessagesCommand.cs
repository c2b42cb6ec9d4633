using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Storage;

namespace OvopBot.Cli;

/// <summary>
/// <c>messages failed</c>: the dead letters (messages whose step kept failing) with time, contact, question, error
/// and text; <c>messages retry ID|--all</c>: puts them back in the queue after a fix (the running service picks them
/// up within seconds).
/// </summary>
internal static class MessagesCommand
{
    public static Command Create()
    {
        var failed = CliApp.Verb("failed", "List messages that could not be processed (dead letters)");
        StaffAction.Set(failed, (_, host, _) =>
        {
            using var connection = host.Services.GetRequiredService<SqliteDatabase>().Open();
            var letters = DeadLetters.List(connection);
            if (letters.Count == 0)
            {
                Console.WriteLine("No failed messages.");
                return Task.FromResult(0);
            }

            foreach (var letter in letters)
            {
                Console.WriteLine($"#{letter.Id}  {letter.FailedAt}  {letter.Contact}  node {letter.NodeId ?? "-"}  {letter.Attempts} attempts");
                Console.WriteLine($"    text:  {OneLine(letter.Kind == "Text" ? letter.Text : $"({letter.Kind}) {letter.Text}", 200)}");
                Console.WriteLine($"    error: {OneLine(letter.Error, 300)}");
            }

            Console.WriteLine($"{letters.Count} failed message(s). Re-run with: messages retry ID (or --all)");
            return Task.FromResult(0);
        });

        var all = new Option<bool>("--all") { Description = "Retry every failed message" };
        var retry = CliApp.Verb("retry", "Process failed messages again, with a fresh budget of attempts: retry ID, or retry --all");
        retry.Options.Add(all);
        StaffAction.Set(retry, async (result, host, ct) =>
        {
            var which = MessageId(result.UnmatchedTokens);
            if (which is null == !result.GetValue(all))
            {
                throw new CliException("Give one message ID or --all");
            }

            int count;
            using (var write = await host.Services.GetRequiredService<SqliteDatabase>().BeginWriteAsync(ct))
            {
                count = DeadLetters.Retry(write, which);
                write.Commit();
            }

            if (count == 0 && which is not null)
            {
                throw new CliException($"No failed message #{which}");
            }

            Console.WriteLine($"{count} message(s) queued again; the running service processes them within seconds.");
            return 0;
        });

        return new Command("messages", "Messages that could not be processed") { failed, retry };
    }

    // The ID is read from the tokens the parser left (a declared argument would also swallow the value of a
    // "--Section:Key value" override that follows it): the first number that is not such a value.
    private static long? MessageId(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].StartsWith("--", StringComparison.Ordinal))
            {
                i += tokens[i].Contains('=', StringComparison.Ordinal) ? 0 : 1;
            }
            else if (long.TryParse(tokens[i].TrimStart('#'), out var id))
            {
                return id;
            }
            else
            {
                throw new CliException($"'{tokens[i]}' is not a message ID (see messages failed)");
            }
        }

        return null;
    }

    private static string OneLine(string? text, int max)
    {
        var line = (text ?? "").ReplaceLineEndings(" ⏎ ");
        return line.Length <= max ? line : line[..max] + "…";
    }
}
