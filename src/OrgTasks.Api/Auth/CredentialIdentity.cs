using System.Security.Claims;

namespace OrgTasks.Api.Auth;

/// <summary>
/// Who a request comes from: the verified credential's claims, and the token itself, which every grain call the
/// request makes carries again (the silo checks it on each call; the API holds no authority of its own).
/// </summary>
public sealed class CredentialIdentity : ClaimsIdentity
{
    public CredentialIdentity(string token, CredentialClaims claims)
        : base([
            new Claim(ClaimTypes.NameIdentifier, claims.Subject),
            new Claim(ClaimTypes.Role, claims.Role.ToString().ToLowerInvariant()),
            new Claim("organization", claims.Organization),
            new Claim("credential", claims.Id),
        ], CredentialAuthentication.Scheme)
    {
        Token = token;
        Credential = claims;
    }

    /// <summary>The compact token, as the client sent it. Never logged.</summary>
    public string Token { get; }

    /// <summary>What the token proves.</summary>
    public CredentialClaims Credential { get; }

    /// <summary>The identity the token proves (<c>agent:belov</c>, <c>operator:local</c>).</summary>
    public Actor Holder => Credential.Actor;
}
