using System.Security.Cryptography;

namespace OrgTasks;

/// <summary>
/// New statement and leaflet ids. The client makes them, so that a retried send carries the same id and the grains
/// can recognise the repeat. 64 random bits: collisions are out of reach at any rate this system will see.
/// </summary>
public static class Ids
{
    public static string NewStatementId() => "s-" + Random64();
    public static string NewLeafletId() => "l-" + Random64();
    public static string NewMeetingId() => "m-" + Random64();

    private static string Random64() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
