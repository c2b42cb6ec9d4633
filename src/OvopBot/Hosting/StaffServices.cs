using Microsoft.Extensions.DependencyInjection;
using OvopBot.Broadcasts;
using OvopBot.Privacy;
using OvopBot.Records;
using OvopBot.Reviews;
using OvopBot.ChatExports;
using OvopBot.Exports;
using OvopBot.Handoffs;
using OvopBot.Flows.Actions;
using OvopBot.Regions;
using OvopBot.Reminders;
using OvopBot.Roles;
using OvopBot.Staff;

namespace OvopBot.Hosting;

/// <summary>
/// Registers facilitator and admin features (issue 6): roles, invites, status by region, broadcasts, reminders.
/// Relies on the region catalog and scope that <see cref="CoreServices"/> registers.
/// </summary>
public static class StaffServices
{
    public static IServiceCollection AddOvopStaff(this IServiceCollection services)
    {
        services.AddSingleton<RoleStore>();
        services.AddSingleton<InviteStore>();
        services.AddSingleton<RegionStatusQuery>();
        services.AddSingleton<BroadcastStore>();
        services.AddSingleton<BroadcastService>();
        services.AddSingleton<BroadcastFinisher>();
        services.AddSingleton<BroadcastReportService>();
        services.AddDialogActions();
        services.AddSingleton<DialogActionRunner>();
        services.AddOptions<ChatExportOptions>().BindConfiguration(ChatExportOptions.Section).Validate(
            o => o.KeepFor > TimeSpan.Zero && o.CheckEvery > TimeSpan.Zero && o.MaxFileMegabytes is null or > 0 && !string.IsNullOrWhiteSpace(o.Folder),
            $"{ChatExportOptions.Section}: Folder must be set, KeepFor and CheckEvery positive, MaxFileMegabytes positive when set").ValidateOnStart();
        services.AddSingleton<ChatExportStore>();
        services.AddSingleton<ChatExportService>();
        services.AddOvopExports();
        services.AddSingleton<StaffDialogs>();
        services.AddSingleton<ReviewerScopes>();
        services.AddSingleton<ReviewService>();
        services.AddSingleton<ProposalService>();
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).Validate(
            o => o.RetentionDays > 0 && o.CheckEvery > TimeSpan.Zero,
            $"{PrivacyOptions.Section}: RetentionDays and CheckEvery must be positive").ValidateOnStart();
        services.AddSingleton<PrivacyService>();
        services.AddOptions<HandoffOptions>().BindConfiguration(HandoffOptions.Section).Validate(
            o => o.AnswerWithin > TimeSpan.Zero && o.CheckEvery > TimeSpan.Zero,
            $"{HandoffOptions.Section}: AnswerWithin and CheckEvery must be positive").ValidateOnStart();
        services.AddSingleton<HandoffService>();
        services.AddSingleton<UnmatchedVillages>();
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).Validate(
            o => o.After.Count <= ReminderOptions.MaxReminders && o.After.All(a => a > TimeSpan.Zero) && o.CheckEvery > TimeSpan.Zero,
            $"{ReminderOptions.Section}:After lists at most {ReminderOptions.MaxReminders} positive durations").ValidateOnStart();
        services.AddSingleton<ReminderService>();
        return services;
    }

    /// <summary>
    /// The background parts: reminders, finishing broadcasts a crash interrupted while enqueuing, and the final
    /// report of each broadcast once it is sent.
    /// </summary>
    public static IServiceCollection AddOvopStaffWorkers(this IServiceCollection services)
    {
        services.AddHostedService<BroadcastRecoveryService>();
        services.AddHostedService(sp => sp.GetRequiredService<BroadcastReportService>());
        services.AddHostedService(sp => sp.GetRequiredService<ReminderService>());
        services.AddHostedService(sp => sp.GetRequiredService<ChatExportService>());
        services.AddHostedService(sp => sp.GetRequiredService<PrivacyService>());
        services.AddHostedService<HandoffTimeoutService>();
        return services;
    }
}
