using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OrgTasks.Grains.Organization;

/// <summary>A short, stable digest of a configuration: equal configurations give equal prints.</summary>
internal static class Fingerprint
{
    public static string Of<T>(T value)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value);
        return Convert.ToHexString(SHA256.HashData(json), 0, 16);
    }

    public static string OfText(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 16);
}
