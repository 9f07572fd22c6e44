using BenchmarkDotNet.Attributes;
using OrgTasks.Grains.Leaflets;
using OrgTasks.Leaflets;
using OrgTasks.Plan;

namespace OrgTasks.Benchmarks;

/// <summary>
/// The tracker's picture of a citywide leaflet (2,400 groups, 24,000 routes reported), which it builds for every
/// status poll while it also takes the units' reports: the work one poll costs the tracker's single thread.
/// </summary>
[MemoryDiagnoser]
public class CoveragePictureBenchmarks
{
    private Leaflet _leaflet = null!;
    private List<UnitSummary> _units = null!;
    private Dictionary<string, IReadOnlyList<RouteDelivery>> _reports = null!;

    [GlobalSetup]
    public void Build()
    {
        var issued = DateTimeOffset.UtcNow;
        _leaflet = new Leaflet { Id = "l", Issuer = "city", Scope = "city", Title = "t", Text = "x", IssuedAt = issued };
        _units = [];
        _reports = new(StringComparer.Ordinal);
        var random = new Random(1902);
        for (var d = 1; d <= 12; d++)
        {
            var district = $"city/d{d:00}";
            _units.Add(Unit(district, UnitKind.District, district, null, []));
            for (var f = 1; f <= 50; f++)
            {
                var factory = $"{district}/f{f:000}";
                _units.Add(Unit(factory, UnitKind.Factory, district, factory, []));
                for (var g = 1; g <= 4; g++)
                {
                    var group = $"{factory}/g{g}";
                    var agents = Enumerable.Range(1, 10).Select(a => $"d{d:00}-f{f:000}-g{g}-a{a:00}").ToList();
                    _units.Add(Unit(group, UnitKind.Distribution, district, factory, agents));
                    _reports[group] = agents.Select(a => new RouteDelivery
                    {
                        Route = a, DeliveredBy = a, HomesOnRoute = 42, HomesReached = 42, NewlyDelivered = 42, Duplicates = 0,
                        DeliveredAt = issued.AddMilliseconds(random.Next(1, 600)),
                    }).ToList();
                }
            }
        }
    }

    [Benchmark]
    public LeafletStatus Picture24000Routes() => CoveragePicture.Build(_leaflet, _units, _reports, null, DateTimeOffset.UtcNow);

    private static UnitSummary Unit(string id, UnitKind kind, string district, string? factory, List<string> routes) => new()
    {
        Unit = new UnitRef(id, kind),
        Contact = "c",
        RouteMembers = routes,
        OwnHomes = routes.Count * 42,
        District = district,
        Factory = factory,
    };
}
