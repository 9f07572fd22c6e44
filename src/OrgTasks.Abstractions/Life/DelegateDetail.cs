namespace OrgTasks.Life;

/// <summary>One detailing of a delegate: who was sent where, by whom (the acting identity), and when.</summary>
[GenerateSerializer, Immutable]
public sealed record DelegateDetail
{
    [Id(0)] public required string Agent { get; init; }
    [Id(1)] public required string Unit { get; init; }
    /// <summary>The acting identity that detailed the delegate (<c>agent:…</c>, <c>unit:…</c>, <c>operator:…</c>).</summary>
    [Id(2)] public required string By { get; init; }
    [Id(3)] public required DateTimeOffset At { get; init; }
}
