using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using OrgTasks.Client;
using OrgTasks.Grains.Telemetry;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Grains;

[Collection(ClusterCollection.Name)]
[Trait("Category", "Grains")]
public sealed class TelemetryTests(ClusterFixture fixture)
{
    private OrgTasksClient Client => fixture.Client;

    [Fact]
    public async Task Statements_and_leaflets_emit_the_projects_metrics_and_spans_without_their_texts()
    {
        var measurements = new ConcurrentDictionary<string, double>();
        var spans = new ConcurrentBag<Activity>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == OrgTasksTelemetry.Name) listener.EnableMeasurementEvents(instrument);
        };
        meters.SetMeasurementEventCallback<long>((i, value, _, _) => measurements.AddOrUpdate(i.Name, value, (_, v) => v + value));
        meters.SetMeasurementEventCallback<double>((i, value, _, _) => measurements.AddOrUpdate(i.Name, 1, (_, v) => v + 1));
        meters.Start();
        using var tracing = new ActivityListener
        {
            ShouldListenTo = source => source.Name == OrgTasksTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(tracing);

        var city = TestCity.Create(districts: 2, homesPerAgent: 3);
        await Client.ApplyAsync(city.Spec);
        const string secret = "the press is hidden at Obukhov";
        var statement = await Client.SendStatementAsync(city.Distributor(1, 1, 3), Addressee.Committee, secret);
        await Client.DeliveredAsync(statement);
        var leaflet = await Client.IssueLeafletAsync(city.Committee, "title", secret);
        var status = await Poll.UntilAsync(() => Client.GetLeafletStatusAsync(leaflet), s => s.Complete, what: "complete");
        meters.RecordObservableInstruments();

        Assert.True(measurements.GetValueOrDefault("orgtasks.statements.sent") >= 1);
        Assert.True(measurements.GetValueOrDefault("orgtasks.statements.delivered") >= 1);
        Assert.True(measurements.GetValueOrDefault("orgtasks.statements.hop.duration") >= 6); // six hand-overs below the inbox
        Assert.True(measurements.GetValueOrDefault("orgtasks.leaflets.homes.delivered") >= status.HomesTotal);
        Assert.True(measurements.GetValueOrDefault("orgtasks.leaflets.issued") >= 1);
        Assert.True(measurements.GetValueOrDefault("orgtasks.leaflets.coverage.duration") >= 1);
        Assert.Contains(spans, s => s.OperationName == "statement.send" && (string?)s.GetTagItem("orgtasks.statement.id") == statement);
        Assert.Contains(spans, s => s.OperationName == "statement.handover");
        Assert.Contains(spans, s => s.OperationName == "leaflet.issue" && (string?)s.GetTagItem("orgtasks.leaflet.id") == leaflet);
        Assert.Contains(spans, s => s.OperationName == "leaflet.unit.complete");
        // Secrecy: no span carries a statement's or leaflet's text.
        Assert.DoesNotContain(spans, s => s.TagObjects.Any(t => t.Value?.ToString()?.Contains(secret) == true));
    }
}
