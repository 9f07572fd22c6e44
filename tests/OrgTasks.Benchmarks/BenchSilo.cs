using OrgTasks.Grains;
using OrgTasks.Identity;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrgTasks.Client;
using OrgTasks.Organization;
using OrgTasks.Silo.Hosting;

namespace OrgTasks.Benchmarks;

/// <summary>
/// A silo in this process on memory storage with a small city applied: the grains the benchmarks call are real, and
/// so is every filter and journal in their path; only the network between client and silo is left out. Calls are made
/// from inside the silo, so they carry the silos' proof and an identity set with <see cref="ActorContext.Use"/>, as a
/// grain's would: the credential check of a client's first call is not part of what is measured.
/// </summary>
public sealed class BenchSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchSilo(IHost host, OrganizationSpec city)
    {
        _host = host;
        City = city;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    public IGrainFactory Grains { get; }

    public OrganizationSpec City { get; }

    public static async Task<BenchSilo> StartAsync(string cityYaml)
    {
        var settings = new SiloSettings { Storage = StorageKind.Memory, SiloPort = FreePort(), GatewayPort = FreePort(), ClusterId = "bench", ServiceId = "bench" };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.AddOrgTasksSilo(settings);
        var host = builder.Build();
        await host.StartAsync();
        var city = OrgFile.Parse(cityYaml, "bench.yaml").Organization
            ?? throw new InvalidOperationException("the benchmark city is invalid");
        var silo = new BenchSilo(host, city);
        var plan = PlanBuilder.Build(city);
        using (ActorContext.Use(Actor.Operator("bench")))
            await silo.Grains.GetGrain<IOrganizationGrain>(plan.Name).Apply(plan);
        return silo;
    }

    /// <summary>A city of one district, one factory, one group of three distributors with 42 homes each.</summary>
    public const string SmallCity = """
        organization: bench
        committee:
          id: spb
          contact: secretary
          members: [{ agent: secretary, function: secretary }]
        groups:
          - { id: spb/d1, kind: district, parent: spb, contact: courier, members: [courier] }
          - { id: spb/d1/f1, kind: factory, parent: spb/d1, contact: agitator, members: [agitator] }
          - { id: spb/d1/f1/g1, kind: distribution, parent: spb/d1/f1, contact: sasha, alternates: [olya], members: [sasha, olya, kolya] }
        agents:
          - { id: secretary }
          - { id: courier }
          - { id: agitator }
          - { id: sasha, homes: 42 }
          - { id: olya, homes: 42 }
          - { id: kolya, homes: 42 }
        """;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _host.StopAsync(limit.Token);
        _host.Dispose();
    }
}
