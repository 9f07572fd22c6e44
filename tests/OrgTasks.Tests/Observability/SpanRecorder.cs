using System.Collections.Concurrent;
using System.Diagnostics;
using OrgTasks.Grains.Telemetry;

namespace OrgTasks.Tests.Observability;

/// <summary>Records every finished span of OrgTasks' activity source while it lives (other tests' spans too: filter by id).</summary>
public sealed class SpanRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ActivityListener _listener;

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == OrgTasksTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Spans => _spans.ToList();

    /// <summary>The spans tagged with this value (a statement's or a leaflet's id).</summary>
    public IReadOnlyList<Activity> Tagged(string tag, string value) =>
        _spans.Where(s => (string?)s.GetTagItem(tag) == value).ToList();

    public void Dispose() => _listener.Dispose();
}
