using System.Security.Cryptography;

namespace OrgTasks.Cli.Deposits;

/// <summary>
/// The centre's key pair on disk as PEM: the private key as PKCS#8 (<c>PRIVATE KEY</c>), readable by its owner only,
/// and the public key as SubjectPublicKeyInfo (<c>PUBLIC KEY</c>). The private key never goes to the cluster: deposits
/// are fetched sealed and opened here.
/// </summary>
internal static class CentreKeyFiles
{
    public const string PrivateName = "centre.key";
    public const string PublicName = "centre.pub";
    private const string PrivateLabel = "PRIVATE KEY";
    private const string PublicLabel = "PUBLIC KEY";

    /// <summary>Writes both files; refuses to replace an existing private key unless <paramref name="force"/>.</summary>
    public static (string PrivatePath, string PublicPath) Write(string directory, byte[] privateKey, byte[] publicKey, bool force)
    {
        Directory.CreateDirectory(directory);
        var privatePath = Path.Combine(directory, PrivateName);
        var publicPath = Path.Combine(directory, PublicName);
        if (File.Exists(privatePath) && !force)
            throw new CliException($"{privatePath}: a centre key is already there; deposits sealed for it could no longer be opened "
                + "if it were replaced (use --force to replace it anyway)");
        if (force) File.Delete(privatePath);
        // Created with mode 0600 from the start, so there is no moment when others could read it.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(privatePath, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(PemEncoding.Write(PrivateLabel, privateKey));
            writer.Write('\n');
        }
        File.WriteAllText(publicPath, new string(PemEncoding.Write(PublicLabel, publicKey)) + "\n");
        return (privatePath, publicPath);
    }

    /// <summary>The private key (PKCS#8 DER) from a PEM file, checked to be an ECDH P-256 key.</summary>
    public static byte[] ReadPrivate(string path)
    {
        var der = ReadPem(path, PrivateLabel, "--key");
        try
        {
            using var key = ECDiffieHellman.Create();
            key.ImportPkcs8PrivateKey(der, out _);
            if (key.KeySize != 256) throw new CryptographicException($"a {key.KeySize}-bit key");
        }
        catch (CryptographicException error)
        {
            throw new CliException($"{path}: not the centre's ECDH P-256 private key ({error.Message.TrimEnd('.')})");
        }
        return der;
    }

    /// <summary>The public key (SubjectPublicKeyInfo DER) from a PEM file, checked to be an ECDH P-256 key.</summary>
    public static byte[] ReadPublic(string path)
    {
        var der = ReadPem(path, PublicLabel, "--public-key");
        try
        {
            DepositSeal.KeyId(der);
        }
        catch (CryptographicException error)
        {
            throw new CliException($"{path}: not an ECDH P-256 public key ({error.Message.TrimEnd('.')})");
        }
        return der;
    }

    /// <summary>The key id (fingerprint) of the public half of a private key, as deposits name the key they were sealed for.</summary>
    public static string KeyIdOfPrivate(byte[] privateKey)
    {
        using var key = ECDiffieHellman.Create();
        key.ImportPkcs8PrivateKey(privateKey, out _);
        return DepositSeal.KeyId(key.ExportSubjectPublicKeyInfo());
    }

    private static byte[] ReadPem(string path, string label, string option)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new CliException($"{option}: no file named");
        if (!File.Exists(path)) throw new CliException($"{path}: no such file ({option})");
        var text = File.ReadAllText(path);
        if (!PemEncoding.TryFind(text, out var fields))
            throw new CliException($"{path}: not a PEM file (expected -----BEGIN {label}-----)");
        var found = text[fields.Label];
        if (found != label)
            throw new CliException($"{path}: holds a '{found}', not a '{label}' (expected -----BEGIN {label}-----)");
        return Convert.FromBase64String(text[fields.Base64Data]);
    }
}
