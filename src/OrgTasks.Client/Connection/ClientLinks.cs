using Orleans.Connections.Security;
using OrgTasks.Links;

namespace OrgTasks.Client.Connection;

/// <summary>
/// The client's side of the gateway link: TLS, and the silo must present a certificate the cluster's CA signed (the
/// local CA of this machine unless another is named). The client presents none: it proves who it is with the
/// organization's credentials, not with a certificate.
/// </summary>
internal static class ClientLinks
{
    public static IClientBuilder UseOrgTasksLinks(this IClientBuilder client, LinkSettings links)
    {
        if (links.Insecure) return client;
        var caPath = links.CaPath(LocalTlsFolder.Default);
        CertificateAuthorityTrust trust;
        try
        {
            trust = CertificateAuthorityTrust.Load(caPath);
        }
        catch (LinkSecurityException error)
        {
            throw new OrgTasksException($"{error.Message}: a silo on this machine makes it on its first start (or run `orgtasks certs`); "
                + "for a silo elsewhere give its CA with --ca FILE, for a plaintext silo --insecure");
        }
        return client.UseTls(options =>
        {
            options.ClientCertificateMode = RemoteCertificateMode.NoCertificate;
            options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            options.RemoteCertificateValidation = (remote, chain, _) => trust.Trusts(remote, chain);
        });
    }
}
