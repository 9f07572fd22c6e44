using System.Security.Cryptography.X509Certificates;

namespace OrgTasks.Links;

/// <summary>
/// Trusts exactly the certificates one certificate authority signed: the cluster's own CA, not the machine's store.
/// Names are not checked: a silo's address changes (pods, DHCP) while its certificate stays, and in this cluster the
/// CA's signature is what makes a peer a member.
/// </summary>
public sealed class CertificateAuthorityTrust(X509Certificate2 authority)
{
    public X509Certificate2 Authority { get; } = authority;

    /// <summary>Loads the CA certificate from a PEM or DER file; the error names the file.</summary>
    public static CertificateAuthorityTrust Load(string path)
    {
        if (!File.Exists(path)) throw new LinkSecurityException($"no certificate authority at {path}");
        try
        {
            return new CertificateAuthorityTrust(X509CertificateLoader.LoadCertificateFromFile(path));
        }
        catch (System.Security.Cryptography.CryptographicException error)
        {
            throw new LinkSecurityException($"{path} is not a certificate (PEM or DER): {error.Message}", error);
        }
    }

    /// <summary>
    /// Whether <paramref name="certificate"/> chains to <see cref="Authority"/>, with the intermediates the peer sent,
    /// within its validity period. Revocation is not checked (a private CA publishes no list).
    /// </summary>
    public bool Trusts(X509Certificate2 certificate, X509Chain? presented)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
                if (!element.Certificate.RawDataMemory.Span.SequenceEqual(certificate.RawDataMemory.Span))
                    chain.ChainPolicy.ExtraStore.Add(element.Certificate);
        }
        if (!chain.Build(certificate)) return false;
        var root = chain.ChainElements[^1].Certificate;
        return root.RawDataMemory.Span.SequenceEqual(Authority.RawDataMemory.Span);
    }
}
