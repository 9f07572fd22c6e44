using Orleans.Configuration;
using Orleans.Connections.Security;
using OrgTasks.Links;

namespace OrgTasks.Silo.Links;

/// <summary>
/// TLS on a silo's three kinds of link: the gateway (clients verify the silo against the CA and present nothing:
/// they prove who they are with the organization's credentials), the silo port inbound and outbound (mutual: each
/// silo presents its certificate and accepts only peers whose certificate the same CA signed). Plaintext only when
/// <see cref="LinkSettings.Insecure"/> says so.
/// </summary>
public static class SiloLinksExtensions
{
    public static ISiloBuilder UseOrgTasksLinks(this ISiloBuilder silo, LinkSettings links)
    {
        if (SiloCertificate.Load(links) is not { } loaded) return silo;
        var (certificate, trust) = loaded;
        var members = new TlsOptions
        {
            LocalCertificate = certificate,
            RemoteCertificateMode = RemoteCertificateMode.RequireCertificate,
            ClientCertificateMode = RemoteCertificateMode.RequireCertificate,
            RemoteCertificateValidation = (remote, chain, _) => trust.Trusts(remote, chain),
        };
        var gateway = new TlsOptions
        {
            LocalCertificate = certificate,
            RemoteCertificateMode = RemoteCertificateMode.NoCertificate,
        };
        return silo.Configure<SiloConnectionOptions>(connections =>
        {
            connections.ConfigureSiloInboundConnection(connection => connection.UseServerTls(members));
            connections.ConfigureSiloOutboundConnection(connection => connection.UseClientTls(members));
            connections.ConfigureGatewayInboundConnection(connection => connection.UseServerTls(gateway));
        });
    }
}
