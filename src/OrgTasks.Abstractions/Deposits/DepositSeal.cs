using System.Security.Cryptography;
using System.Text.Json;

namespace OrgTasks.Deposits;

/// <summary>
/// Hybrid public-key sealing of a group's deposit, from .NET's own cryptography: a one-time ECDH P-256 key agreed with
/// the centre's public key, HKDF-SHA256 to derive an AES-256 key, AES-GCM to encrypt and authenticate. The group
/// needs only the centre's public key to seal; only the centre's private key opens. The group, organization and
/// version are bound as associated data, so a deposit cannot be passed off as another group's.
/// </summary>
public static class DepositSeal
{
    public const string Algorithm = "ECDH-P256+HKDF-SHA256+AES-256-GCM";
    private static readonly byte[] Info = "orgtasks deposit v1"u8.ToArray();

    /// <summary>A new key pair for the centre: (private key PKCS#8 DER, public key SubjectPublicKeyInfo DER).</summary>
    public static (byte[] PrivateKey, byte[] PublicKey) NewCentreKeys()
    {
        using var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        return (key.ExportPkcs8PrivateKey(), key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>A short, stable name for a public key (checks that it is a P-256 key).</summary>
    public static string KeyId(byte[] publicKey)
    {
        using var key = ImportPublic(publicKey);
        return Convert.ToHexString(SHA256.HashData(key.ExportSubjectPublicKeyInfo()), 0, 8).ToLowerInvariant();
    }

    public static SealedDeposit Seal(DepositContents contents, byte[] centrePublicKey, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(contents);
        using var centre = ImportPublic(centrePublicKey);
        using var once = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var aesKey = DeriveKey(once, centre.PublicKey);
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(contents);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(aesKey, tag.Length))
            aes.Encrypt(nonce, plaintext, ciphertext, tag, Bound(contents.Organization, contents.Group, contents.Version));
        CryptographicOperations.ZeroMemory(aesKey);
        CryptographicOperations.ZeroMemory(plaintext);
        return new SealedDeposit
        {
            Group = contents.Group,
            Organization = contents.Organization,
            Version = contents.Version,
            SealedAt = at,
            KeyId = KeyId(centrePublicKey),
            Algorithm = Algorithm,
            EphemeralKey = once.ExportSubjectPublicKeyInfo(),
            Nonce = nonce,
            Ciphertext = ciphertext,
            Tag = tag,
        };
    }

    /// <summary>Opens a deposit with the centre's private key (PKCS#8 DER). A wrong key or altered bytes fail.</summary>
    public static DepositContents Open(SealedDeposit deposit, byte[] centrePrivateKey)
    {
        ArgumentNullException.ThrowIfNull(deposit);
        if (deposit.Algorithm != Algorithm) throw new CryptographicException($"unknown sealing algorithm '{deposit.Algorithm}'");
        using var centre = ECDiffieHellman.Create();
        centre.ImportPkcs8PrivateKey(centrePrivateKey, out _);
        using var sender = ImportPublic(deposit.EphemeralKey);
        var aesKey = DeriveKey(centre, sender.PublicKey);
        var plaintext = new byte[deposit.Ciphertext.Length];
        try
        {
            using var aes = new AesGcm(aesKey, deposit.Tag.Length);
            aes.Decrypt(deposit.Nonce, deposit.Ciphertext, deposit.Tag, plaintext, Bound(deposit.Organization, deposit.Group, deposit.Version));
            return JsonSerializer.Deserialize<DepositContents>(plaintext)
                ?? throw new CryptographicException("the deposit opened to nothing");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(aesKey);
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private static ECDiffieHellman ImportPublic(byte[] spki)
    {
        var key = ECDiffieHellman.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(spki, out _);
            if (key.KeySize != 256) throw new CryptographicException($"a {key.KeySize}-bit key is not a P-256 key");
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    private static byte[] DeriveKey(ECDiffieHellman own, ECDiffieHellmanPublicKey other)
    {
        var secret = own.DeriveRawSecretAgreement(other);
        try { return HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt: [], info: Info); }
        finally { CryptographicOperations.ZeroMemory(secret); }
    }

    private static byte[] Bound(string organization, string group, int version) =>
        System.Text.Encoding.UTF8.GetBytes($"{organization}\n{group}\n{version}");
}
