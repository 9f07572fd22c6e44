namespace OrgTasks.Identity;

/// <summary>
/// The identity a call is made on behalf of. It travels with every grain call in Orleans'
/// <c>RequestContext</c> (see <see cref="ActorContext"/>) and is written as <c>kind:id</c>, e.g. <c>agent:sasha</c>.
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct Actor([property: Id(0)] ActorKind Kind, [property: Id(1)] string Id)
{
    public static Actor Agent(string id) => new(ActorKind.Agent, id);
    public static Actor Unit(string id) => new(ActorKind.Unit, id);
    public static Actor Operator(string id = "operator") => new(ActorKind.Operator, id);
    public static Actor System(string id) => new(ActorKind.System, id);

    public bool IsAgent(string id) => Kind == ActorKind.Agent && string.Equals(Id, id, StringComparison.Ordinal);
    public bool IsUnit(string id) => Kind == ActorKind.Unit && string.Equals(Id, id, StringComparison.Ordinal);

    public override string ToString() => $"{Prefix(Kind)}:{Id}";

    /// <summary>Parses <c>kind:id</c>; returns false for anything else (a forged or garbled header is no identity).</summary>
    public static bool TryParse(string? text, out Actor actor)
    {
        actor = default;
        if (string.IsNullOrEmpty(text)) return false;
        // The same identity string flows along a chain of calls and is read by the gate and by the grain: the last one
        // parsed on this thread is kept, so a hop does not cut a new id string out of it each time.
        if (ReferenceEquals(text, _lastText))
        {
            actor = _lastActor;
            return true;
        }
        var colon = text.IndexOf(':');
        if (colon <= 0 || colon == text.Length - 1) return false;
        ActorKind? kind = text.AsSpan(0, colon) switch
        {
            "agent" => ActorKind.Agent,
            "unit" => ActorKind.Unit,
            "operator" => ActorKind.Operator,
            "system" => ActorKind.System,
            _ => null,
        };
        if (kind is null) return false;
        actor = new Actor(kind.Value, text[(colon + 1)..]);
        (_lastText, _lastActor) = (text, actor);
        return true;
    }

    [ThreadStatic] private static string? _lastText;
    [ThreadStatic] private static Actor _lastActor;

    private static string Prefix(ActorKind kind) => kind switch
    {
        ActorKind.Agent => "agent",
        ActorKind.Unit => "unit",
        ActorKind.Operator => "operator",
        _ => "system",
    };
}
