namespace OrgTasks.Grains.Routine;

/// <summary>
/// The routine's persistent state: where the schedule counts from, what it has done, which leaflets it watches and
/// when each district and factory last had a complete distribution. Written once per tick that changed something.
/// </summary>
[GenerateSerializer, Alias("orgtasks.routine-state.v1")]
public sealed class RoutineState
{
    [Id(0)] public DateTimeOffset? Since { get; set; }
    /// <summary>The number of the last routine distribution issued (the first is number 1, one period after the start).</summary>
    [Id(1)] public int Distributions { get; set; }
    /// <summary>The last round of reports every group was asked for.</summary>
    [Id(2)] public int ReportRound { get; set; }
    /// <summary>The last round whose digest went to the Central Organ.</summary>
    [Id(3)] public int DigestRound { get; set; }
    /// <summary>The committee's recent leaflets, oldest first; at most <see cref="RoutineGrain.LeafletsKept"/>.</summary>
    [Id(4)] public List<RecordedLeaflet> Leaflets { get; set; } = [];
    /// <summary>District or factory → issue time of the last leaflet that reached all of it.</summary>
    [Id(5)] public Dictionary<string, DateTimeOffset> LastDistribution { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Areas the idle alarm names now and groups whose report is overdue now: a notice goes out only for new ones.</summary>
    [Id(6)] public List<string> Idle { get; set; } = [];
    [Id(7)] public List<string> Overdue { get; set; } = [];
}
