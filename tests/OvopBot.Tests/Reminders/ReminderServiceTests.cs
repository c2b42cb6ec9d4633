using Dapper;
using OvopBot.Reminders;
using OvopBot.Tests.TestSupport;

namespace OvopBot.Tests.Reminders;

/// <summary>Automatic reminders over the real conversation stack, with a hand-moved clock (starts 09:00 WITA).</summary>
public sealed class ReminderServiceTests : IDisposable
{
    private readonly BotHarness _bot = new();

    private Task<int> SendDueAsync() => _bot.Get<ReminderService>().SendDueAsync(CancellationToken.None);

    private List<string> Reminders()
    {
        using var connection = _bot.Database.Open();
        return connection.Query<string>("SELECT text FROM outbound_messages WHERE kind = 1 ORDER BY id").ToList();
    }

    private async Task StartRegistrationAsync(string from = "kades")
    {
        await _bot.SayAsync("halo", from);
        await _bot.SayAsync("ya", from);
    }

    [Fact]
    public async Task A_person_silent_for_a_day_gets_one_reminder_that_repeats_their_question()
    {
        await StartRegistrationAsync();
        var question = (await _bot.SayAsync("STATUS", "kades"))[^1].Split('\n')[^1];
        _bot.Time.Advance(TimeSpan.FromDays(1));

        Assert.Equal(1, await SendDueAsync());
        Assert.Equal(0, await SendDueAsync());

        var reminder = Assert.Single(Reminders());
        Assert.Contains("belum selesai", reminder, StringComparison.Ordinal);
        Assert.Contains(question, reminder, StringComparison.Ordinal);
        Assert.Contains("BERHENTI", reminder, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_is_reminded_before_a_day_has_passed()
    {
        await StartRegistrationAsync();
        _bot.Time.Advance(TimeSpan.FromHours(23));

        Assert.Equal(0, await SendDueAsync());
    }

    [Fact]
    public async Task The_second_reminder_comes_after_three_days_and_there_is_never_a_third()
    {
        await StartRegistrationAsync();
        _bot.Time.Advance(TimeSpan.FromDays(1));
        await SendDueAsync();
        _bot.Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await SendDueAsync());

        _bot.Time.Advance(TimeSpan.FromDays(10));
        Assert.Equal(0, await SendDueAsync());
        Assert.Equal(2, Reminders().Count);
    }

    [Fact]
    public async Task A_restart_never_sends_the_same_reminder_again()
    {
        await StartRegistrationAsync();
        _bot.Time.Advance(TimeSpan.FromDays(1));
        await SendDueAsync();

        _bot.Restart();

        Assert.Equal(0, await SendDueAsync());
        Assert.Single(Reminders());
    }

    [Fact]
    public async Task A_reminder_due_at_night_waits_for_eight_in_the_morning_wita()
    {
        _bot.Time.Advance(TimeSpan.FromHours(12)); // 21:00 WITA
        await StartRegistrationAsync();
        _bot.Time.Advance(TimeSpan.FromDays(1));

        Assert.Equal(0, await SendDueAsync());
        _bot.Time.Advance(TimeSpan.FromHours(10)); // 07:00 WITA
        Assert.Equal(0, await SendDueAsync());
        _bot.Time.Advance(TimeSpan.FromHours(1)); // 08:00 WITA
        Assert.Equal(1, await SendDueAsync());
    }

    [Fact]
    public async Task People_who_opted_out_are_not_reminded()
    {
        await StartRegistrationAsync();
        await _bot.SayAsync("BERHENTI", "kades");
        _bot.Time.Advance(TimeSpan.FromDays(1));

        Assert.Equal(0, await SendDueAsync());
    }

    [Fact]
    public async Task People_who_declined_or_never_started_are_not_reminded()
    {
        await _bot.SayAsync("halo", "declines");
        await _bot.SayAsync("tidak", "declines");
        _bot.Time.Advance(TimeSpan.FromDays(4));

        Assert.Equal(0, await SendDueAsync());
    }

    [Fact]
    public async Task The_answer_after_a_reminder_is_taken_as_an_answer_not_greeted_with_welcome_back()
    {
        await StartRegistrationAsync();
        _bot.Time.Advance(TimeSpan.FromDays(1));
        await SendDueAsync();
        _bot.Time.Advance(TimeSpan.FromMinutes(10));

        var replies = await _bot.SayAsync("1", "kades");

        Assert.DoesNotContain(replies, r => r.Contains("Selamat datang kembali", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_new_answer_starts_a_new_count()
    {
        await StartRegistrationAsync();
        _bot.Time.Advance(TimeSpan.FromDays(1));
        await SendDueAsync();
        await _bot.SayAsync("1", "kades");
        _bot.Time.Advance(TimeSpan.FromDays(1));

        Assert.Equal(1, await SendDueAsync());
        Assert.Equal(2, Reminders().Count);
    }

    public void Dispose() => _bot.Dispose();
}
