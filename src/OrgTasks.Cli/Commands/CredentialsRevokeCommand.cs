using OrgTasks.Cli.Hosting;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks credentials revoke AGENT|ID</c>: refused on every silo within a second.</summary>
internal static class CredentialsRevokeCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("AGENT|ID") { Description = "A credential id (c-…), or an agent: every credential of it" };
        var json = JsonOption.Create();
        var command = new Command("revoke", "Revoke a credential, or every credential of an agent; every silo refuses it within a second")
        {
            target, json,
        };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var revoked = await client.RevokeCredentialAsync(result.GetRequiredValue(target));
            if (result.GetValue(json))
            {
                Json.Write(result.Out(), revoked);
                return ExitCodes.Ok;
            }
            result.Out().WriteLine(revoked.Count == 0
                ? $"nothing active to revoke for {result.GetRequiredValue(target)} (its id is on the revocation list all the same)"
                : $"revoked {string.Join(", ", revoked.Select(r => $"{r.Claims.Id} ({r.Claims.Subject})"))}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
