namespace OrgTasks.Grains.Identity;

/// <summary>What the call gate lets through from clients without a credential.</summary>
public sealed class CallGateOptions
{
    /// <summary>
    /// Orleans' own interfaces that a client's runtime calls by itself, without the application's request context: the
    /// cluster's type manifest (read when the client connects) and the cancellation of the client's own calls. Anything
    /// else of Orleans' (management, storage, membership, reminders) is the operator's alone. A test host adds its
    /// hooks here. Default: <c>IClusterManifestSystemTarget</c>, <c>IGrainCallCancellationExtension</c>.
    /// </summary>
    public HashSet<string> ClientPlumbing { get; } = new(StringComparer.Ordinal)
    {
        "IClusterManifestSystemTarget",
        "IGrainCallCancellationExtension",
    };
}
