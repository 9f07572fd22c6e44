namespace OrgTasks.Links;

/// <summary>
/// How a silo or a client encrypts its links. By default TLS with the local certificate authority of this machine
/// (<see cref="LocalTlsFolder.Default"/>); a cluster on several hosts names its own files; plaintext only when asked.
/// </summary>
public sealed class LinkSettings
{
    /// <summary>The environment variable the command line reads the CA file from (containers, systemd).</summary>
    public const string CaVariable = "ORGTASKS_CA";

    /// <summary>The environment variable the command line reads a silo's certificate file from.</summary>
    public const string CertificateVariable = "ORGTASKS_CERTIFICATE";

    /// <summary>The environment variable the command line reads a silo's private key file from.</summary>
    public const string CertificateKeyVariable = "ORGTASKS_CERTIFICATE_KEY";

    /// <summary>Plaintext links, no TLS at all: only when the operator asks for it (<c>--insecure</c>). Default: false.</summary>
    public bool Insecure { get; set; }

    /// <summary>
    /// The certificate authority (PEM) whose signature a peer's certificate must carry. Null means the local CA's
    /// (<see cref="LocalTlsFolder.CaCertificate"/>). Default: null.
    /// </summary>
    public string? CertificateAuthorityPath { get; set; }

    /// <summary>
    /// A silo's certificate (PEM), signed by the CA; for server and client authentication. Null means the local
    /// silo certificate (<see cref="LocalTlsFolder.SiloCertificate"/>). Clients present none. Default: null.
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The private key (PEM) of <see cref="CertificatePath"/>; null means the same file holds it. Default: null.</summary>
    public string? CertificateKeyPath { get; set; }

    /// <summary>Whether the local folder's files are meant (no file was named).</summary>
    public bool UsesLocalAuthority => CertificateAuthorityPath is null && CertificatePath is null;

    /// <summary>The CA file to trust.</summary>
    public string CaPath(LocalTlsFolder local) => CertificateAuthorityPath ?? local.CaCertificate;

    /// <summary>One phrase for a start-up line; never a key.</summary>
    public string Describe(LocalTlsFolder local) => Insecure
        ? "PLAINTEXT (--insecure: links are not encrypted)"
        : $"TLS, mutual between silos (CA {CaPath(local)})";
}
