using System.Security.Cryptography.X509Certificates;
using OrgTasks.Links;

namespace OrgTasks.Silo.Links;

/// <summary>
/// The certificate a silo presents, on its gateway, to the other silos and on its HTTP API alike: the local CA's silo
/// certificate unless files are named, checked against the CA before anything listens.
/// </summary>
public static class SiloCertificate
{
    /// <summary>The certificate and the CA that trusts it; null with <see cref="LinkSettings.Insecure"/>.</summary>
    public static (X509Certificate2 Certificate, CertificateAuthorityTrust Trust)? Load(LinkSettings links)
    {
        if (links.Insecure) return null;
        var local = LocalTlsFolder.Default;
        if (links.UsesLocalAuthority) LocalCertificateAuthority.Ensure(local);
        var trust = CertificateAuthorityTrust.Load(links.CaPath(local));
        var certificate = LinkCertificates.LoadWithKey(
            links.CertificatePath ?? local.SiloCertificate,
            links.CertificatePath is null ? local.SiloKey : links.CertificateKeyPath);
        if (!trust.Trusts(certificate, null))
            throw new LinkSecurityException($"the silo certificate {links.CertificatePath ?? local.SiloCertificate} is not signed by the CA {links.CaPath(local)} (or has expired)");
        return (certificate, trust);
    }
}
