using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OvopBot.Exports;
using OvopBot.Hosting;
using OvopBot.Regions;

namespace OvopBot.Cli;

/// <summary>
/// <c>export KIND --format csv|xlsx|jsonl --out FILE|-</c> with <c>--region</c>, <c>--since</c>/<c>--until</c>
/// (dates, WITA), <c>--status</c>, <c>--lang</c>; <c>export all --format xlsx</c> writes a workbook with every kind.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var kind = new Argument<string>("kind") { Description = "submissions | requests | conversations | contacts | all (every kind, one sheet each; xlsx only)" };
        var format = new Option<ExportFormat>("--format") { Description = "csv | xlsx | jsonl", DefaultValueFactory = _ => ExportFormat.Csv };
        var output = new Option<string>("--out") { Description = "The file to write, or - for standard output (csv, jsonl)", Required = true };
        var region = new Option<string?>("--region") { Description = "Only this region: a province, regency, district or village code (53.01 or 5301)" };
        var since = new Option<string?>("--since") { Description = "From this date, WITA (yyyy-MM-dd)" };
        var until = new Option<string?>("--until") { Description = "Up to and including this date, WITA (yyyy-MM-dd)" };
        var status = new Option<string?>("--status") { Description = "Only villages whose submission is draft or submitted" };
        var lang = new Option<string>("--lang") { Description = "Header language: id (default) or en", DefaultValueFactory = _ => "id" };
        var maskPhones = new Option<bool>("--mask-phones") { Description = "Show phone numbers and chat ids masked (+62812****7890), for a facilitator" };

        var command = CliApp.Verb("export", "Export submissions, support requests, conversations or contacts (CSV, XLSX, JSON Lines)");
        command.Arguments.Add(kind);
        foreach (var option in new Option[] { format, output, region, since, until, status, lang, maskPhones })
        {
            command.Options.Add(option);
        }

        command.SetAction((result, cancellationToken) =>
        {
            var kindText = result.GetValue(kind)!;
            var kinds = kindText.Equals("all", StringComparison.OrdinalIgnoreCase) ? Enum.GetValues<ExportKind>()
                : Enum.TryParse<ExportKind>(kindText, ignoreCase: true, out var k) && Enum.IsDefined(k) ? [k] : [];
            var fmt = result.GetValue(format);
            var target = result.GetValue(output)!;
            var error = Check(kinds, fmt, target, result.GetValue(status), result.GetValue(lang)!, out var sinceDate, out var untilDate,
                result.GetValue(since), result.GetValue(until));
            var regionCode = result.GetValue(region) is { } r ? RegionCode.Normalize(r) : null;
            if (error is null && result.GetValue(region) is not null && regionCode is null)
            {
                error = $"--region '{result.GetValue(region)}' is not a region code (e.g. 53.01 or 53.01.08.2003)";
            }

            if (error is not null)
            {
                Console.Error.WriteLine(error);
                return Task.FromResult(2);
            }

            using var host = CliHost.Build(result.UnmatchedTokens);
            var exports = host.Services.GetRequiredService<ExportService>();
            var request = new ExportRequest(kinds, fmt, new ExportFilter(regionCode, sinceDate, untilDate, result.GetValue(status)), result.GetValue(lang)!)
            {
                MaskPhones = result.GetValue(maskPhones),
            };
            using var progress = ConsoleProgressBar.ForStandardError();
            if (target == "-")
            {
                using var stdout = Console.OpenStandardOutput();
                var streamed = exports.ExportToStream(request, stdout, progress, cancellationToken);
                progress?.Done();
                Console.Error.WriteLine($"Exported {streamed.TotalRows.ToString("N0", CultureInfo.InvariantCulture)} rows to standard output");
                return Task.FromResult(0);
            }

            var written = exports.ExportToFile(request, target, progress, cancellationToken);
            progress?.Done();
            foreach (var (exportKind, rows) in written.Rows)
            {
                Console.Error.WriteLine($"{exportKind}: {rows.ToString("N0", CultureInfo.InvariantCulture)} rows");
            }

            Console.WriteLine(written.Path);
            return Task.FromResult(0);
        });
        return command;
    }

    private static string? Check(IReadOnlyList<ExportKind> kinds, ExportFormat format, string target, string? status, string lang,
        out DateOnly? since, out DateOnly? until, string? sinceText, string? untilText)
    {
        since = until = null;
        if (kinds.Count == 0)
        {
            return "Name what to export: submissions, requests, conversations, contacts or all";
        }

        if (kinds.Count > 1 && format != ExportFormat.Xlsx)
        {
            return "'all' writes one workbook: use --format xlsx";
        }

        if (target == "-" && format == ExportFormat.Xlsx)
        {
            return "XLSX cannot go to standard output: give --out FILE";
        }

        if (status is not (null or "draft" or "submitted"))
        {
            return "--status is draft or submitted";
        }

        if (lang is not ("id" or "en"))
        {
            return "--lang is id or en";
        }

        if (!TryDate(sinceText, out since) || !TryDate(untilText, out until))
        {
            return "--since and --until are dates like 2026-11-23 (WITA)";
        }

        return since > until ? "--since is after --until" : null;
    }

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }
}
