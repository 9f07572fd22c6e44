using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using OrgTasks.Baselines;
using OrgTasks.Silo.Hosting;

namespace OrgTasks.Tests.LoadTests;

/// <summary>
/// The load test's baseline grains are hosted only by the silo the load test starts: a silo built as
/// <c>orgtasks silo</c> builds it (the same program references the load test) does not host them.
/// </summary>
[Trait("Category", "LoadTest")]
public sealed class BaselineGrainsTests
{
    [Fact]
    public void A_silo_hosts_no_baseline_grain_unless_its_host_asks_for_them()
    {
        using var plain = Build(requestBaselines: false);
        var classes = plain.Services.GetRequiredService<IOptions<GrainTypeOptions>>().Value.Classes;
        Assert.DoesNotContain(typeof(PlainCommitteeGrain), classes);
        Assert.DoesNotContain(classes, BaselineGrains.IsBaseline);
        Assert.Contains(classes, type => type.Assembly == typeof(OrgTasks.Grains.OrgTasksOptions).Assembly);
    }

    [Fact]
    public void The_load_tests_silo_hosts_the_baseline_grains()
    {
        using var loadTest = Build(requestBaselines: true);
        var classes = loadTest.Services.GetRequiredService<IOptions<GrainTypeOptions>>().Value.Classes;
        Assert.Contains(typeof(PlainCommitteeGrain), classes);
        Assert.Contains(typeof(PlainAgentGrain), classes);
    }

    private static IHost Build(bool requestBaselines)
    {
        // Loaded on purpose: Orleans finds grain classes among the loaded assemblies too, so the rule must hold even then.
        _ = typeof(PlainCommitteeGrain).Assembly;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddOrgTasksSilo(new SiloSettings { Storage = StorageKind.Memory });
        if (requestBaselines) builder.Services.HostBaselineGrains();
        return builder.Build();
    }
}
