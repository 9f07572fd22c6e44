using System.Reflection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace OrgTasks.Silo.Hosting;

/// <summary>
/// The load test's baseline grains (the plain fan-out of <c>OrgTasks.Baselines</c>) are hosted only by the silos the
/// load test starts itself. Orleans hosts every grain class it finds among the program's references, and the
/// <c>orgtasks</c> program references the load test (for <c>orgtasks loadtest …</c>), so without this rule
/// <c>orgtasks silo</c> and <c>orgtasks demo</c> would carry them too. The production server does not reference them
/// at all.
/// </summary>
public static class BaselineGrains
{
    /// <summary>The assembly whose grain classes are hosted only on request.</summary>
    public const string AssemblyName = "OrgTasks.Baselines";

    /// <summary>This silo hosts the baseline grains (the load test's own in-process silo).</summary>
    public static IServiceCollection HostBaselineGrains(this IServiceCollection services)
    {
        services.AddSingleton<Requested>();
        return services;
    }

    /// <summary>Every OrgTasks silo: removes the baseline grain classes unless <see cref="HostBaselineGrains"/> asked for them.</summary>
    internal static IServiceCollection ExcludeBaselineGrainsUnlessRequested(this IServiceCollection services)
    {
        services.AddOptions<GrainTypeOptions>().PostConfigure<IServiceProvider>((options, provider) =>
        {
            if (provider.GetService<Requested>() is null) options.Classes.RemoveWhere(IsBaseline);
        });
        return services;
    }

    /// <summary>Whether a grain class is one of the baselines.</summary>
    public static bool IsBaseline(Type grainClass) => grainClass.Assembly.GetName().Name == AssemblyName;

    /// <summary>Marks a host that asked for the baseline grains.</summary>
    private sealed class Requested;
}
