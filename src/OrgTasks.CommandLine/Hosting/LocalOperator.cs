using OrgTasks.Client.Connection;
using OrgTasks.Grains.Identity;
using OrgTasks.Silo.Hosting;

namespace OrgTasks.Cli.Hosting;

/// <summary>
/// The operator's credential on this machine, made when a silo is started here, like a kubeconfig: with the default
/// signing keys (this user's configuration folder), the silo and every later command on this machine agree without a
/// step in between. The credential is written to the default file (mode 0600) when it is missing, signed by another
/// key, or near its expiry; a silo given its own key file (a cluster's) leaves the user's file alone.
/// </summary>
internal static class LocalOperator
{
    public const string Name = "local";

    /// <summary>How long the operator's own credential lives; it is renewed at a silo start in its last week.</summary>
    private static readonly TimeSpan Lifetime = CredentialAuthorityGrain.DefaultOperatorLifetime;

    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(7);

    /// <summary>Makes sure the operator's credential fits the silo's keys; returns it for an in-process client.</summary>
    public static string Ensure(SiloSettings settings)
    {
        var keys = OrgTasksSiloExtensions.LoadSigningKeys(settings);
        if (settings.SigningKeysFile is { Length: > 0 }) return Issue(keys, Name, Lifetime);
        var path = CredentialFile.Resolve(null);
        if (File.Exists(path) && Fits(keys, File.ReadAllText(path).Trim())) return File.ReadAllText(path).Trim();
        var token = Issue(keys, Name, Lifetime);
        CredentialFile.Write(path, token);
        return token;
    }

    /// <summary>Ensures the credential as <see cref="Ensure"/> does; returns the line a silo prints about it (never the token).</summary>
    public static string Describe(SiloSettings settings)
    {
        Ensure(settings);
        return settings.SigningKeysFile is { Length: > 0 } file
            ? $"credentials: signed with {file}; issue the operator's with `orgtasks credentials issue --operator NAME --signing-keys {file}`"
            : $"credentials: signed with {OrgTasksConfigFolder.DefaultSigningKeysFile}; the operator's is {CredentialFile.Resolve(null)}";
    }

    /// <summary>Signs an operator's credential with the key file itself (no cluster needed): the bootstrap of a cluster.</summary>
    public static string Issue(SigningKeyRing keys, string name, TimeSpan lifetime)
    {
        var now = DateTimeOffset.UtcNow;
        return keys.Sign(new CredentialClaims
        {
            Id = CredentialAuthorityGrain.NewId(),
            Subject = name,
            Role = CredentialRole.Operator,
            Organization = CredentialClaims.AnyOrganization,
            IssuedAt = now,
            ExpiresAt = now + lifetime,
        });
    }

    private static bool Fits(SigningKeyRing keys, string token) =>
        CredentialToken.TryRead(token, out var claims, out var input, out var signature, out _)
        && claims.Role == CredentialRole.Operator
        && claims.ExpiresAt > DateTimeOffset.UtcNow + RenewBefore
        && keys.Verify(claims.KeyId, input, signature);
}
