using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace OrgTasks.Grains.Identity;

/// <summary>
/// Turns a client's credential into the identity it proves, or a reason to refuse: the signature (by a key of the
/// silos' ring), the expiry (at the real clock, not the organization's, which tests move), and revocation. A signature is checked once per token and
/// the claims kept (a bounded cache), so a client's every call costs a dictionary look-up, not an ECDSA verification;
/// expiry and revocation are checked on every call.
/// </summary>
public sealed class CredentialVerifier(
    SigningKeyRing keys,
    RevocationList revocations,
    TimeProvider clock)
{
    /// <summary>Most verified tokens remembered; past it the cache starts again (a flood of forged tokens cannot grow it).</summary>
    private const int CacheLimit = 10_000;

    private readonly ConcurrentDictionary<string, CredentialClaims> _verified = new(StringComparer.Ordinal);

    public bool TryVerify(string? token, out CredentialClaims claims, out string reason)
    {
        if (token is not null && _verified.TryGetValue(token, out claims!))
            return StillValid(claims, out reason);
        if (!CredentialToken.TryRead(token, out claims, out var input, out var signature, out reason)) return false;
        if (!keys.Knows(claims.KeyId))
        {
            reason = "the credential was not issued by this organization (unknown signing key)";
            return false;
        }
        if (!keys.Verify(claims.KeyId, input, signature))
        {
            reason = "the credential's signature is not valid";
            return false;
        }
        if (_verified.Count >= CacheLimit) _verified.Clear();
        _verified[token!] = claims;
        return StillValid(claims, out reason);
    }

    private bool StillValid(CredentialClaims claims, out string reason)
    {
        if (!keys.Knows(claims.KeyId))
        {
            reason = "the credential's signing key was retired";
            return false;
        }
        if (claims.ExpiresAt <= clock.GetUtcNow())
        {
            reason = $"the credential expired at {claims.ExpiresAt:yyyy-MM-dd HH:mm} UTC";
            return false;
        }
        if (revocations.IsRevoked(claims.Id))
        {
            reason = $"the credential {claims.Id} was revoked";
            return false;
        }
        reason = "";
        return true;
    }
}
