using OrgTasks.Cli.Hosting;
using OrgTasks.Cli.Parsing;
using OrgTasks.Client.Connection;
using OrgTasks.Grains.Identity;

namespace OrgTasks.Cli.Commands;

/// <summary>
/// <c>orgtasks credentials issue AGENT</c>: a credential for an agent, through the cluster (recorded, audited, revocable).
/// <c>--operator NAME --signing-keys FILE</c>: an operator's credential signed with the silos' key file itself, without a
/// cluster: how the first operator of a cluster on several hosts gets one.
/// </summary>
internal static class CredentialsIssueCommand
{
    public static Command Create()
    {
        var agent = new Argument<string?>("AGENT") { Description = "The agent the credential is for", Arity = ArgumentArity.ZeroOrOne };
        var ttl = Durations.Option("--ttl", "How long the credential is valid (default 30d for an agent, 365d for an operator)");
        var output = new Option<string?>("--out") { Description = "Write the token to this file (mode 0600) instead of stdout", HelpName = "FILE" };
        var asOperator = new Option<string?>("--operator") { Description = "Issue an operator's credential with this name instead", HelpName = "NAME" };
        var keys = new Option<string?>("--signing-keys")
        {
            Description = "With --operator: sign with this key file here, without a cluster (the silos' file)",
            HelpName = "FILE",
        };
        var json = JsonOption.Create();
        var command = new Command("issue", "Issue a credential for an agent (or, with --operator, for an operator); prints the token once")
        {
            agent, ttl, output, asOperator, keys, json,
        };
        var client = new ClientOptions();
        client.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            var name = result.GetValue(asOperator);
            var subject = result.GetValue(agent);
            if (name is null == subject is null)
                throw new CliException("name either an AGENT or --operator NAME (not both)");
            var lifetime = result.GetValue(ttl) ?? (name is null ? CredentialAuthorityGrain.DefaultAgentLifetime : CredentialAuthorityGrain.DefaultOperatorLifetime);
            if (lifetime > CredentialAuthorityGrain.MaxLifetime)
                throw new CliException($"--ttl: at most {CredentialAuthorityGrain.MaxLifetime.TotalDays:0} days");

            string token;
            CredentialClaims claims;
            string organization;
            if (result.GetValue(keys) is { Length: > 0 } keyFile)
            {
                if (name is null) throw new CliException("--signing-keys is for --operator: an agent's credential is issued through the cluster, which records it");
                if (!File.Exists(keyFile)) throw new CliException($"--signing-keys: no file '{keyFile}'", ExitCodes.InvalidOrgFile);
                token = LocalOperator.Issue(SigningKeyRing.Load(keyFile), name, lifetime);
                CredentialToken.TryRead(token, out claims, out _, out _, out _);
                organization = claims.Organization;
            }
            else
            {
                await using var connection = await client.ConnectAsync(result, cancellation);
                var issued = name is null
                    ? await connection.Client.IssueCredentialAsync(subject!, lifetime).WaitAsync(cancellation)
                    : await connection.Client.IssueOperatorCredentialAsync(name, lifetime).WaitAsync(cancellation);
                token = issued.Token;
                claims = issued.Record.Claims;
                organization = issued.Record.OrganizationOf; // the token names it only to a committee member
            }

            var path = result.GetValue(output);
            if (path is { Length: > 0 }) CredentialFile.Write(Path.GetFullPath(path), token);
            if (result.GetValue(json))
            {
                Json.Write(result.Out(), new { claims.Id, subject = claims.Subject, role = CredentialToken.Spell(claims.Role), organization,
                    issuedAt = claims.IssuedAt, expiresAt = claims.ExpiresAt, file = path is { Length: > 0 } ? Path.GetFullPath(path) : null,
                    token = path is { Length: > 0 } ? null : token });
                return ExitCodes.Ok;
            }
            var describe = $"credential {claims.Id} for {CredentialToken.Spell(claims.Role)} {claims.Subject}, valid until {Format.Time(claims.ExpiresAt)}";
            if (path is { Length: > 0 })
            {
                result.Out().WriteLine($"{describe}: written to {Path.GetFullPath(path)}");
            }
            else
            {
                result.Err().WriteLine($"{describe}; hand it to its holder, it is shown only once:");
                result.Out().WriteLine(token);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
