using OrgTasks.Client;
using OrgTasks.Grains;
using OrgTasks.Grains.Telemetry;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Observability;

/// <summary>A span per unit of a leaflet, sampled by leaflet and unit (the test cluster samples every unit).</summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Observability")]
public sealed class LeafletTraceTests(ClusterFixture fixture)
{
    private OrgTasksClient Client => fixture.Client;

    [Fact]
    public async Task At_full_sampling_every_unit_a_leaflet_reaches_records_its_accept_and_complete_spans()
    {
        using var recorder = new SpanRecorder();
        var city = TestCity.Create(districts: 2, homesPerAgent: 2);
        await Client.ApplyAsync(city.Spec);
        var leaflet = await Client.IssueLeafletAsync(city.Committee, "title", "text");
        await Poll.UntilAsync(() => Client.GetLeafletStatusAsync(leaflet), s => s.Complete, what: "leaflet complete");
        string[] units =
        [
            city.Committee, city.District(1), city.District(2), city.Factory(1), city.Factory(2),
            city.Group(1, 1), city.Group(1, 2), city.Group(2, 1), city.Group(2, 2),
        ];

        // A unit's complete span ends just after it stored its coverage: wait for all of them.
        var spans = await Poll.UntilAsync(() => Task.FromResult(recorder.Tagged("orgtasks.leaflet.id", leaflet)),
            s => units.All(u => s.Any(x => x.OperationName == "leaflet.unit.complete" && (string?)x.GetTagItem("orgtasks.unit") == u)),
            what: "a complete span per unit");
        var accepted = spans.Where(s => s.OperationName == "leaflet.accept").Select(s => (string?)s.GetTagItem("orgtasks.unit")).ToHashSet();
        Assert.All(units.Skip(1), unit => Assert.Contains(unit, accepted)); // every unit below the issuer accepted it
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.01)]
    [InlineData(0.25)]
    [InlineData(1.0)]
    public void A_share_of_the_units_is_sampled_and_the_same_units_each_time(double share)
    {
        var units = Enumerable.Range(0, 20_000).Select(i => $"spb/d{i % 40}/f{i}").ToList();
        var sampled = units.Count(unit => LeafletTrace.IsSampled("leaflet-1", unit, share));
        Assert.InRange(sampled, (int)(units.Count * share * 0.8), (int)Math.Ceiling(units.Count * share * 1.2));
        Assert.Equal(sampled, units.Count(unit => LeafletTrace.IsSampled("leaflet-1", unit, share)));
        if (share is > 0 and < 1) // another leaflet picks other units
            Assert.NotEqual(units.Where(u => LeafletTrace.IsSampled("leaflet-1", u, share)), units.Where(u => LeafletTrace.IsSampled("leaflet-2", u, share)));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_sampling_share_outside_zero_to_one_is_refused(double share)
    {
        var result = new OrgTasksOptionsValidator().Validate(null, new OrgTasksOptions { LeafletUnitTraceSampling = share });
        Assert.True(result.Failed);
        Assert.Contains("OrgTasks__LeafletUnitTraceSampling=", result.FailureMessage);
        Assert.Contains("allowed 0 to 1", result.FailureMessage);
    }
}
