using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OrgTasks.Grains.Organization;

/// <summary>A short, stable digest of a configuration: equal configurations give equal prints.</summary>
public static class Fingerprint
{
    /// <summary>The print of one configuration: the first 16 bytes of the SHA-256 of its JSON, in hex.</summary>
    public static string Of<T>(T value)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value);
        return Convert.ToHexString(SHA256.HashData(json), 0, 16);
    }

    /// <summary>
    /// Whether two configurations are equal by value. Record equality compares their lists by reference, so a
    /// configuration pushed again (a unit passing on its agents' changes) looked new and was written again.
    /// </summary>
    public static bool Same<T>(T? a, T? b) where T : class =>
        ReferenceEquals(a, b)
        || (a is not null && b is not null && JsonSerializer.SerializeToUtf8Bytes(a).AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(b)));

    /// <summary>The print of a text, the same way.</summary>
    public static string OfText(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 16);
}
