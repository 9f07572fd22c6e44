using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrgTasks.Grains.Identity;

/// <summary>
/// The silos' credential signing keys (ECDSA P-256), and the silos' shared proof that a call was made inside the
/// cluster. They live in one file with the silos (mode 0600; the default is in this user's configuration folder, see
/// <see cref="OrgTasksConfigFolder"/>), never with clients: every silo of a cluster reads the same file (on several
/// hosts, the same file copied or mounted from a secret). The newest key signs; every key in the file verifies, so a
/// key can be rotated without invalidating the credentials already handed out. The file is read again when it changes.
/// </summary>
public sealed class SigningKeyRing
{
    private volatile Snapshot _current;
    private DateTime _readAt;

    private SigningKeyRing(string path, Snapshot snapshot, DateTime readAt)
    {
        Path = path;
        _current = snapshot;
        _readAt = readAt;
    }

    public string Path { get; }

    /// <summary>The key id that signs new credentials.</summary>
    public string SigningKeyId => _current.Signing.Id;

    public IReadOnlyList<string> KeyIds => _current.Keys.Keys.ToList();

    /// <summary>Reads the ring at <paramref name="path"/>, making a new one (one key, one proof) when there is none.</summary>
    public static SigningKeyRing LoadOrCreate(string path)
    {
        path = System.IO.Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            var fresh = Serialize(new RingFile(1, NewProof(), [NewKey()]));
            try
            {
                CreateExclusive(path, fresh);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another silo on this machine made it first: use that one, so both sign alike.
            }
        }
        return Load(path);
    }

    public static SigningKeyRing Load(string path)
    {
        path = System.IO.Path.GetFullPath(path);
        var (snapshot, readAt) = Read(path);
        return new SigningKeyRing(path, snapshot, readAt);
    }

    /// <summary>Adds a new signing key to the file at <paramref name="path"/> (older keys keep verifying); returns its id.</summary>
    public static string Rotate(string path)
    {
        var file = ReadFile(path);
        var key = NewKey();
        OrgTasksConfigFolder.WritePrivate(path, Serialize(file with { Keys = [.. file.Keys, key] }));
        return key.Id;
    }

    /// <summary>Removes a key from the file: every credential it signed is refused from then on.</summary>
    public static void Retire(string path, string keyId)
    {
        var file = ReadFile(path);
        if (file.Keys.All(k => k.Id != keyId)) throw new InvalidRequestException($"{path}: no key '{keyId}'");
        if (file.Keys.Count == 1) throw new InvalidRequestException($"{path}: '{keyId}' is the only key; rotate first");
        OrgTasksConfigFolder.WritePrivate(path, Serialize(file with { Keys = file.Keys.Where(k => k.Id != keyId).ToList() }));
    }

    /// <summary>Reads the file again if it changed since it was read (a rotation); cheap when it did not.</summary>
    public void Refresh()
    {
        DateTime written;
        try
        {
            written = File.GetLastWriteTimeUtc(Path);
        }
        catch (IOException)
        {
            return;
        }
        if (written == _readAt) return;
        var (snapshot, readAt) = Read(Path);
        _current = snapshot;
        _readAt = readAt;
    }

    /// <summary>Signs <paramref name="claims"/> with the newest key; returns the token.</summary>
    public string Sign(CredentialClaims claims)
    {
        var signing = _current.Signing;
        var input = CredentialToken.SigningInput(claims with { KeyId = signing.Id });
        var signature = signing.Key.SignData(Encoding.UTF8.GetBytes(input), HashAlgorithmName.SHA256);
        return CredentialToken.Assemble(input, signature);
    }

    /// <summary>Whether <paramref name="signature"/> over <paramref name="signingInput"/> was made by key <paramref name="keyId"/>.</summary>
    public bool Verify(string keyId, string signingInput, byte[] signature) =>
        _current.Keys.TryGetValue(keyId, out var key)
        && signature.Length == 64
        && key.VerifyData(Encoding.UTF8.GetBytes(signingInput), signature, HashAlgorithmName.SHA256);

    public bool Knows(string keyId) => _current.Keys.ContainsKey(keyId);

    /// <summary>The value silos stamp on their calls to each other (see <see cref="ActorContext.ProofKey"/>).</summary>
    public string SiloProof => _current.Proof;

    /// <summary>Whether a call carries the silos' proof; compared in constant time.</summary>
    public bool IsSiloProof(string? value)
    {
        if (value is null) return false;
        var proof = _current.Proof;
        return value.Length == proof.Length
            && CryptographicOperations.FixedTimeEquals(
                System.Runtime.InteropServices.MemoryMarshal.AsBytes(value.AsSpan()),
                System.Runtime.InteropServices.MemoryMarshal.AsBytes(proof.AsSpan()));
    }

    private static (Snapshot, DateTime) Read(string path)
    {
        var readAt = File.GetLastWriteTimeUtc(path);
        var file = ReadFile(path);
        var keys = new Dictionary<string, ECDsa>(StringComparer.Ordinal);
        foreach (var key in file.Keys)
        {
            var ecdsa = ECDsa.Create();
            try
            {
                ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(key.PrivateKey), out _);
            }
            catch (Exception error) when (error is CryptographicException or FormatException)
            {
                throw new InvalidRequestException($"{path}: key '{key.Id}' is not a PKCS#8 P-256 private key");
            }
            keys[key.Id] = ecdsa;
        }
        var newest = file.Keys[^1];
        return (new Snapshot(keys, (newest.Id, keys[newest.Id]), file.Proof), readAt);
    }

    private static RingFile ReadFile(string path)
    {
        RingFile? file;
        try
        {
            file = JsonSerializer.Deserialize(File.ReadAllText(path), RingJson.Default.RingFile);
        }
        catch (JsonException error)
        {
            throw new InvalidRequestException($"{path}: not a signing key file ({error.Message})");
        }
        catch (IOException error)
        {
            throw new InvalidRequestException($"{path}: cannot be read ({error.Message})");
        }
        if (file is null || file.Keys is not { Count: > 0 } || string.IsNullOrEmpty(file.Proof) || file.Proof.Length < 22)
            throw new InvalidRequestException($"{path}: a signing key file needs at least one key and a silo proof");
        return file;
    }

    private static void CreateExclusive(string path, string text)
    {
        OrgTasksConfigFolder.EnsurePrivate(System.IO.Path.GetDirectoryName(path)!);
        var temporary = path + $".{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        OrgTasksConfigFolder.WritePrivate(temporary, text);
        try
        {
            // Written whole under another name, then moved without overwriting: a reader never sees half a file, and of
            // two silos starting together exactly one file wins (the other's move fails because the file exists).
            File.Move(temporary, path, overwrite: false);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static RingKey NewKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var id = $"k{DateTime.UtcNow:yyyyMMdd}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant()}";
        return new RingKey(id, DateTimeOffset.UtcNow, Convert.ToBase64String(key.ExportPkcs8PrivateKey()));
    }

    private static string NewProof() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=');

    private static string Serialize(RingFile file) => JsonSerializer.Serialize(file, RingJson.Default.RingFile);

    private sealed record Snapshot(Dictionary<string, ECDsa> Keys, (string Id, ECDsa Key) Signing, string Proof);

    internal sealed record RingFile(
        [property: JsonPropertyName("format")] int Format,
        [property: JsonPropertyName("siloProof")] string Proof,
        [property: JsonPropertyName("keys")] IReadOnlyList<RingKey> Keys);

    internal sealed record RingKey(
        [property: JsonPropertyName("kid")] string Id,
        [property: JsonPropertyName("created")] DateTimeOffset Created,
        [property: JsonPropertyName("privateKey")] string PrivateKey);
}

[JsonSerializable(typeof(SigningKeyRing.RingFile))]
[JsonSourceGenerationOptions(WriteIndented = true)]
internal sealed partial class RingJson : JsonSerializerContext;
