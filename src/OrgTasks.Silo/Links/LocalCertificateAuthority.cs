using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OrgTasks.Links;

namespace OrgTasks.Silo.Links;

/// <summary>
/// Makes this machine's certificate authority and the silo certificate it signs, once: <c>orgtasks certs</c> and the
/// first silo start call it. Several silos starting at the same moment make them once (a lock file), and nothing that
/// exists is replaced. Keys are ECDSA P-256, written 0600 from the first byte; the folder is 0700.
/// </summary>
public static class LocalCertificateAuthority
{
    /// <summary>The CA outlives many silo certificates; both are long because renewal is by hand (<c>orgtasks certs --renew</c>).</summary>
    private static readonly TimeSpan CaLifetime = TimeSpan.FromDays(3650);

    private static readonly TimeSpan SiloLifetime = TimeSpan.FromDays(825);
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    /// <summary>Creates what is missing in <paramref name="folder"/>. Returns what it made (empty when all existed).</summary>
    public static IReadOnlyList<string> Ensure(LocalTlsFolder folder, bool renewSilo = false)
    {
        // Nothing to make: touch nothing, so a folder mounted read-only (a container's secret) works as it is.
        if (!renewSilo && new[] { folder.CaCertificate, folder.CaKey, folder.SiloCertificate, folder.SiloKey }.All(File.Exists)) return [];
        CreatePrivateFolder(folder.Folder);
        using var held = Lock(folder);
        var made = new List<string>();
        if (!File.Exists(folder.CaCertificate) || !File.Exists(folder.CaKey))
        {
            using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var ca = CreateAuthority(caKey);
            WritePrivate(folder.CaKey, caKey.ExportPkcs8PrivateKeyPem());
            WritePublic(folder.CaCertificate, ca.ExportCertificatePem());
            made.Add(folder.CaCertificate);
            renewSilo = true; // a silo certificate of an earlier CA is worthless now
        }
        if (renewSilo || !File.Exists(folder.SiloCertificate) || !File.Exists(folder.SiloKey))
        {
            using var ca = LinkCertificates.LoadWithKey(folder.CaCertificate, folder.CaKey);
            using var siloKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var silo = CreateSilo(ca, siloKey);
            WritePrivate(folder.SiloKey, siloKey.ExportPkcs8PrivateKeyPem());
            WritePublic(folder.SiloCertificate, silo.ExportCertificatePem());
            made.Add(folder.SiloCertificate);
        }
        return made;
    }

    /// <summary>
    /// A certificate for another silo host, signed by this machine's CA: how a cluster on several hosts gets its
    /// files (<c>orgtasks certs --issue NAME</c>). The names and addresses go into its subject alternative names.
    /// </summary>
    public static (string Certificate, string Key) Issue(LocalTlsFolder folder, string directory, string name, IReadOnlyList<string> hosts)
    {
        Ensure(folder);
        CreatePrivateFolder(directory);
        using var ca = LinkCertificates.LoadWithKey(folder.CaCertificate, folder.CaKey);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = CreateSilo(ca, key, name, hosts);
        var certificatePath = Path.Combine(directory, name + ".crt");
        var keyPath = Path.Combine(directory, name + ".key");
        WritePrivate(keyPath, key.ExportPkcs8PrivateKeyPem());
        WritePublic(certificatePath, certificate.ExportCertificatePem());
        return (certificatePath, keyPath);
    }

    private static X509Certificate2 CreateAuthority(ECDsa key)
    {
        var request = new CertificateRequest($"CN=OrgTasks local CA ({Environment.MachineName})", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now + CaLifetime);
    }

    private static X509Certificate2 CreateSilo(X509Certificate2 ca, ECDsa key, string name = "silo", IReadOnlyList<string>? hosts = null)
    {
        var request = new CertificateRequest($"CN=OrgTasks {name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        // Both: a silo is the server of its gateway and silo port, and the client of the silos it connects to.
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            new OidCollection { new Oid(ServerAuthentication), new Oid(ClientAuthentication) }, false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        names.AddDnsName(Environment.MachineName);
        foreach (var host in hosts ?? [])
        {
            if (IPAddress.TryParse(host, out var address)) names.AddIpAddress(address);
            else names.AddDnsName(host);
        }
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        var now = DateTimeOffset.UtcNow;
        var notAfter = now + SiloLifetime < ca.NotAfter ? now + SiloLifetime : new DateTimeOffset(ca.NotAfter.ToUniversalTime());
        return request.Create(ca, now.AddMinutes(-5), notAfter, serial);
    }

    private static void CreatePrivateFolder(string folder) => OrgTasks.Identity.OrgTasksConfigFolder.EnsurePrivate(folder);

    /// <summary>0600 from creation, written beside and renamed into place, so no reader ever sees half a key.</summary>
    private static void WritePrivate(string path, string pem) => OrgTasks.Identity.OrgTasksConfigFolder.WritePrivate(path, pem);

    private static void WritePublic(string path, string pem) =>
        OrgTasks.Identity.OrgTasksConfigFolder.WriteAtomically(path, pem, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

    /// <summary>An exclusive lock on <c>.lock</c> in the folder, across processes; waits a bounded time.</summary>
    private static FileStream Lock(LocalTlsFolder folder)
    {
        var path = Path.Combine(folder.Folder, ".lock");
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50); // another process is writing the certificates; they take milliseconds
            }
        }
    }
}
