using OrgTasks.Cli.Hosting;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks credentials list</c>: what was issued, to whom, by whom, and what is revoked or expired.</summary>
internal static class CredentialsListCommand
{
    public static Command Create()
    {
        var json = JsonOption.Create();
        var command = new Command("list", "List the credentials issued through the cluster (never the tokens), newest first") { json };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var records = await client.ListCredentialsAsync();
            if (result.GetValue(json))
            {
                Json.Write(result.Out(), records);
                return ExitCodes.Ok;
            }
            var output = result.Out();
            if (records.Count == 0)
            {
                output.WriteLine("no credentials issued through the cluster");
                return ExitCodes.Ok;
            }
            var now = DateTimeOffset.UtcNow;
            var table = new Table("ID", "HOLDER", "ORGANIZATION", "ISSUED", "EXPIRES", "ISSUED BY", "STATE");
            foreach (var record in records)
            {
                var claims = record.Claims;
                var state = record.RevokedAt is { } at ? $"revoked {Format.Time(at)} by {record.RevokedBy}"
                    : claims.ExpiresAt <= now ? "expired" : "valid";
                table.Add(claims.Id, $"{CredentialToken.Spell(claims.Role)}:{claims.Subject}", record.OrganizationOf,
                    Format.Time(claims.IssuedAt), Format.Time(claims.ExpiresAt), record.IssuedBy, state);
            }
            table.Write(output);
            return ExitCodes.Ok;
        });
        return command;
    }
}
