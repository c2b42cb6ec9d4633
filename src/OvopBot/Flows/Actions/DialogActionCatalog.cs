using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace OvopBot.Flows.Actions;

/// <summary>
/// Every action a staff flow may name, read from the <see cref="DialogActionAttribute"/>s of the
/// <see cref="IDialogActions"/> classes in this program: adding a class is all it takes to add actions.
/// </summary>
public static class DialogActionCatalog
{
    private static readonly Lazy<IReadOnlyList<(Type Handler, DialogActionAttribute Spec)>> Found = new(() =>
        typeof(DialogActionCatalog).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDialogActions).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<DialogActionAttribute>().Select(a => (t, a)))
            .OrderBy(x => x.a.Name, StringComparer.Ordinal)
            .ToList());

    public static IReadOnlyDictionary<string, DialogActionAttribute> Specs { get; } =
        Found.Value.ToDictionary(x => x.Spec.Name, x => x.Spec, StringComparer.Ordinal);

    /// <summary>Registers every handler class once, as a singleton.</summary>
    public static IServiceCollection AddDialogActions(this IServiceCollection services)
    {
        foreach (var type in Found.Value.Select(x => x.Handler).Distinct())
        {
            services.AddSingleton(type);
        }

        return services;
    }

    /// <summary>The handler of each action name, from the services.</summary>
    public static IReadOnlyDictionary<string, IDialogActions> Handlers(IServiceProvider services) =>
        Found.Value.ToDictionary(x => x.Spec.Name, x => (IDialogActions)services.GetRequiredService(x.Handler), StringComparer.Ordinal);
}
