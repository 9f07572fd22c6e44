namespace OrgTasks;

/// <summary>
/// The largest message a silo or a client takes (Orleans' <c>MaxMessageBodySize</c>/<c>MaxMessageHeaderSize</c>, both
/// sides). Orleans' default body limit is 100 MB: any caller could make a silo allocate that much per message. The
/// protocol's largest legitimate message is <c>Apply(OrganizationPlan)</c> carrying a whole plan; the million-home city's
/// (3,015 units, 25,228 agents) measured 2,708,267 bytes serialized (tests/OrgTasks.Tests/Limits/MessageSizeTests.cs).
/// The limit gives that city about 6× headroom (a city of roughly six million homes in one file); every other message
/// (statement batches of at most 256 × 20,000 characters, a 200,000-character leaflet) is far smaller.
/// </summary>
public static class MessageLimits
{
    /// <summary>Largest message body, in bytes: 16 MiB.</summary>
    public const int MaxMessageBodySize = 16 * 1024 * 1024;

    /// <summary>Largest message header, in bytes: 64 KiB (headers carry ids, the acting identity and trace context).</summary>
    public const int MaxMessageHeaderSize = 64 * 1024;
}
