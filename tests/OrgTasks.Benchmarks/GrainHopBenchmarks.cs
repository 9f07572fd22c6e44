using BenchmarkDotNet.Attributes;
using OrgTasks.Client;
using OrgTasks.Grains;
using OrgTasks.Identity;
using OrgTasks.Leaflets;
using OrgTasks.Plan;
using OrgTasks.Statements;

namespace OrgTasks.Benchmarks;

/// <summary>
/// One statement hop and one route delivery, through the real grains, filters and (memory) journals of a silo in
/// this process. Each call is a new statement or a new leaflet, so every iteration does the whole work, never a repeat.
/// </summary>
[MemoryDiagnoser]
public class GrainHopBenchmarks
{
    private BenchSilo _silo = null!;
    private IAgentGrain _distributor = null!;
    private Leaflet _leaflet = null!;

    [GlobalSetup]
    public async Task StartAsync()
    {
        _silo = await BenchSilo.StartAsync(BenchSilo.SmallCity);
        _distributor = _silo.Grains.GetGrain<IAgentGrain>("kolya");
        _leaflet = new Leaflet
        {
            Id = "benchmark", Issuer = "spb", Scope = "spb", Title = "Benchmark", Text = "To every home.", IssuedAt = DateTimeOffset.UtcNow,
        };
        // Wake both paths once, so that activation is not measured.
        await StatementHop();
        await RouteDelivery();
    }

    [GlobalCleanup]
    public async Task StopAsync() => await _silo.DisposeAsync();

    /// <summary>An agent writes a statement; done when its own unit has stored it (the first hop's acknowledgement).</summary>
    [Benchmark]
    public Task<string> StatementHop() =>
        As(Actor.Agent("kolya"), () => _distributor.SendStatement(
            new StatementDraft { Id = Ids.NewStatementId(), To = Addressee.Committee, Text = "benchmark statement", Kind = StatementKind.Report }));

    /// <summary>A distribution group asks one distributor to deliver a new leaflet to the 42 homes of its route.</summary>
    [Benchmark]
    public Task<RouteDelivery> RouteDelivery()
    {
        var leaflet = _leaflet with { Id = Ids.NewLeafletId() };
        return As(Actor.Unit("spb/d1/f1/g1"), () => _distributor.DeliverRoute(leaflet, RouteShare.Whole("kolya", 42)));
    }

    private static async Task<T> As<T>(Actor actor, Func<Task<T>> call)
    {
        using (ActorContext.Use(actor)) return await call();
    }
}
