using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OrgTasks.Links;

/// <summary>Loads a certificate with its private key from PEM files; errors name the file, never the key's content.</summary>
public static class LinkCertificates
{
    public static X509Certificate2 LoadWithKey(string certificatePath, string? keyPath)
    {
        var key = keyPath ?? certificatePath;
        if (!File.Exists(certificatePath)) throw new LinkSecurityException($"no certificate at {certificatePath}");
        if (!File.Exists(key)) throw new LinkSecurityException($"no private key at {key}");
        try
        {
            var certificate = X509Certificate2.CreateFromPemFile(certificatePath, key);
            return certificate.HasPrivateKey ? certificate
                : throw new LinkSecurityException($"{key} holds no private key for the certificate in {certificatePath}");
        }
        catch (CryptographicException error)
        {
            // The message says what is wrong with the PEM (no key, a key that does not match), never its bytes.
            throw new LinkSecurityException($"cannot load the certificate {certificatePath} with the key {key}: {error.Message}", error);
        }
    }
}
