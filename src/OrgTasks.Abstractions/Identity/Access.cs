namespace OrgTasks.Identity;

/// <summary>Which clients (callers from outside the cluster, through a gateway) a grain method admits.</summary>
[Flags]
public enum Clients
{
    /// <summary>No client at all: the method is silo-internal, called only by grains and the silo's own services.</summary>
    None = 0,

    /// <summary>A client holding the operator's credential.</summary>
    Operator = 1,

    /// <summary>A client holding an agent's credential; the grain then checks the agent's relation to the target.</summary>
    Agent = 2,
}

/// <summary>
/// Declares who may call a grain interface method. Deny by default: the silo's call gate refuses every client call to a
/// method without this attribute, and a test fails for any grain interface method that lacks it. Calls made by grains
/// inside the cluster are always admitted by the gate; the grain still checks the caller's relation to the target.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class AccessAttribute(Clients clients) : Attribute
{
    public Clients Clients { get; } = clients;

    /// <summary>
    /// For agents: the relation to the target that the grain checks (for example "the agent itself"), as the README's
    /// need-to-know matrix says it. Empty when no agent may call.
    /// </summary>
    public string Relation { get; init; } = "";
}
