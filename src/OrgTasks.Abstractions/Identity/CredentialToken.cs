using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrgTasks.Identity;

/// <summary>
/// The text form of a credential: a compact JWS (<c>header.payload.signature</c>, base64url) signed with ES256 (ECDSA on
/// P-256 with SHA-256), so any JWT tool can read it. Encoding and reading live here, beside the claims; signing and
/// verifying need the silos' key and live in the silo. A client reads its own credential only to show whom it names.
/// </summary>
public static class CredentialToken
{
    /// <summary>Longest token accepted: a real one is about 400 characters; anything far larger is not ours.</summary>
    public const int MaxLength = 2_048;

    private const string Algorithm = "ES256";

    /// <summary>The signed part, <c>header.payload</c>, for <paramref name="claims"/>; sign its UTF-8 bytes.</summary>
    public static string SigningInput(CredentialClaims claims)
    {
        var header = new Header(Algorithm, "JWT", claims.KeyId);
        var payload = new Payload(claims.Id, claims.Subject, Spell(claims.Role), claims.Organization,
            claims.IssuedAt.ToUnixTimeSeconds(), claims.ExpiresAt.ToUnixTimeSeconds());
        return Encode(JsonSerializer.SerializeToUtf8Bytes(header, TokenJson.Default.Header)) + "."
            + Encode(JsonSerializer.SerializeToUtf8Bytes(payload, TokenJson.Default.Payload));
    }

    /// <summary>The whole token: the signing input and its 64-byte signature (r‖s).</summary>
    public static string Assemble(string signingInput, byte[] signature) => signingInput + "." + Encode(signature);

    /// <summary>
    /// Splits and parses a token without checking its signature. False with a short reason for anything that is not a
    /// well-formed ES256 token (never an exception: tokens come from untrusted clients).
    /// </summary>
    public static bool TryRead(string? token, out CredentialClaims claims, out string signingInput, out byte[] signature, out string reason)
    {
        claims = null!;
        signingInput = "";
        signature = [];
        if (string.IsNullOrEmpty(token)) return Fail("no credential", out reason);
        if (token.Length > MaxLength) return Fail("the credential is too long", out reason);
        var firstDot = token.IndexOf('.');
        var lastDot = token.LastIndexOf('.');
        if (firstDot <= 0 || lastDot == firstDot || lastDot == token.Length - 1) return Fail("the credential is not a signed token", out reason);
        try
        {
            var header = JsonSerializer.Deserialize(Decode(token.AsSpan(0, firstDot)), TokenJson.Default.Header);
            var payload = JsonSerializer.Deserialize(Decode(token.AsSpan(firstDot + 1, lastDot - firstDot - 1)), TokenJson.Default.Payload);
            if (header is null || payload is null || header.Alg != Algorithm) return Fail("the credential is not an ES256 token", out reason);
            // An agent's credential names its organization only to a committee member: empty is allowed, missing is not.
            if (string.IsNullOrEmpty(payload.Jti) || string.IsNullOrEmpty(payload.Sub) || payload.Org is null)
                return Fail("the credential lacks its id, subject or organization", out reason);
            CredentialRole? role = payload.Role switch { "agent" => CredentialRole.Agent, "operator" => CredentialRole.Operator, _ => null };
            if (role is null) return Fail("the credential names no known role", out reason);
            if (role == CredentialRole.Operator && payload.Org.Length == 0) return Fail("the operator's credential names no organization", out reason);
            claims = new CredentialClaims
            {
                Id = payload.Jti,
                Subject = payload.Sub,
                Role = role.Value,
                Organization = payload.Org,
                IssuedAt = DateTimeOffset.FromUnixTimeSeconds(payload.Iat),
                ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(payload.Exp),
                KeyId = header.Kid ?? "",
            };
            signingInput = token[..lastDot];
            signature = Decode(token.AsSpan(lastDot + 1));
            reason = "";
            return true;
        }
        catch (Exception error) when (error is JsonException or FormatException or ArgumentException)
        {
            return Fail("the credential is not a signed token", out reason);
        }
    }

    public static string Spell(CredentialRole role) => role == CredentialRole.Operator ? "operator" : "agent";

    private static bool Fail(string why, out string reason)
    {
        reason = why;
        return false;
    }

    private static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    private static byte[] Decode(ReadOnlySpan<char> text)
    {
        if (!Base64Url.IsValid(text)) throw new FormatException("not base64url");
        return Base64Url.DecodeFromChars(text);
    }

    internal sealed record Header(
        [property: JsonPropertyName("alg")] string Alg,
        [property: JsonPropertyName("typ")] string? Typ,
        [property: JsonPropertyName("kid")] string? Kid);

    internal sealed record Payload(
        [property: JsonPropertyName("jti")] string Jti,
        [property: JsonPropertyName("sub")] string Sub,
        [property: JsonPropertyName("role")] string Role,
        [property: JsonPropertyName("org")] string Org,
        [property: JsonPropertyName("iat")] long Iat,
        [property: JsonPropertyName("exp")] long Exp);
}

[JsonSerializable(typeof(CredentialToken.Header))]
[JsonSerializable(typeof(CredentialToken.Payload))]
internal sealed partial class TokenJson : JsonSerializerContext;
