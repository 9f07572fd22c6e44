namespace OrgTasks.Grains.Identity;

/// <summary>
/// Tells a silo's own observers (made with the silo's grain factory, so living in its hosted client) from an outside
/// client's. Orleans names a silo's hosted client <c>hosted-{silo address}</c>, and an observer id starts with its
/// client's id. Grains call only observers that silo code handed them (the watch methods admit no client), so a
/// client cannot get its own observer called with the silos' proof.
/// </summary>
public static class SiloObservers
{
    private static readonly byte[] HostedPrefix = "hosted-"u8.ToArray();

    public static bool IsSiloHosted(GrainId target) =>
        target.IsClient() && target.Key.AsSpan().StartsWith(HostedPrefix);
}
