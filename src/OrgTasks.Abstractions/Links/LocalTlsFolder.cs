namespace OrgTasks.Links;

/// <summary>
/// Where <c>orgtasks certs</c> (and a silo's first start) keeps the local certificate authority and the silo
/// certificate it signed: <c>&lt;config&gt;/tls/</c>, private to its owner. The private keys are mode 0600.
/// </summary>
public sealed record LocalTlsFolder(string Folder)
{
    /// <summary>The folder under <see cref="OrgTasks.Identity.OrgTasksConfigFolder"/>.</summary>
    public static LocalTlsFolder Default => new(Path.Combine(OrgTasks.Identity.OrgTasksConfigFolder.Resolve(), "tls"));

    /// <summary>The CA's certificate (PEM): what clients and silos trust.</summary>
    public string CaCertificate => Path.Combine(Folder, "ca.crt");

    /// <summary>The CA's private key (PEM, 0600): signs silo certificates; never leaves this machine.</summary>
    public string CaKey => Path.Combine(Folder, "ca.key");

    /// <summary>The certificate every silo on this machine presents (PEM).</summary>
    public string SiloCertificate => Path.Combine(Folder, "silo.crt");

    /// <summary>The silo certificate's private key (PEM, 0600).</summary>
    public string SiloKey => Path.Combine(Folder, "silo.key");
}
