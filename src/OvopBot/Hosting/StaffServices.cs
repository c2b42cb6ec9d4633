using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OvopBot.Broadcasts;
using OvopBot.Regions;
using OvopBot.Reminders;
using OvopBot.Roles;

namespace OvopBot.Hosting;

/// <summary>
/// Registers facilitator and admin features (issue 6): roles, invites, status by region, broadcasts, reminders.
/// The region catalog is registered only if nobody did so already, and loads on first use, so verbs that never
/// touch regions do not pay for reading the whole country's list.
/// </summary>
public static class StaffServices
{
    /// <summary>Optional override of the region data folder (default: data/wilayah beside the binaries).</summary>
    public const string RegionsPathKey = "Regions:Path";

    public static IServiceCollection AddOvopStaff(this IServiceCollection services)
    {
        services.TryAddSingleton(sp =>
        {
            var path = sp.GetRequiredService<IConfiguration>()[RegionsPathKey];
            return RegionCatalog.Load(string.IsNullOrWhiteSpace(path) ? RegionCatalog.DefaultDirectory : path);
        });
        services.TryAddSingleton(sp => RegionScope.FromConfiguration(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<RegionCatalog>()));
        services.AddSingleton<RoleStore>();
        services.AddSingleton<InviteStore>();
        services.AddSingleton<RegionStatusQuery>();
        services.AddSingleton<BroadcastStore>();
        services.AddSingleton<BroadcastService>();
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.Section).Validate(
            o => o.After.Count <= ReminderOptions.MaxReminders && o.After.All(a => a > TimeSpan.Zero) && o.CheckEvery > TimeSpan.Zero,
            $"{ReminderOptions.Section}:After lists at most {ReminderOptions.MaxReminders} positive durations").ValidateOnStart();
        services.AddSingleton<ReminderService>();
        return services;
    }

    /// <summary>The background parts: reminders, and finishing broadcasts a crash interrupted while enqueuing.</summary>
    public static IServiceCollection AddOvopStaffWorkers(this IServiceCollection services)
    {
        services.AddHostedService<BroadcastRecoveryService>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderService>());
        return services;
    }
}
