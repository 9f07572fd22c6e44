using System.Text.Json.Nodes;

namespace OrgTasks.Cli.Deposits;

/// <summary>Installs the centre's public key in one organization, or in every organization of the cluster.</summary>
internal static class CentreKeyInstall
{
    public static Option<string?> OrganizationOption() => new("--organization")
    {
        Description = "Install the key only in this organization (by its name); every organization of the cluster when left out",
        HelpName = "NAME",
    };

    public static async Task InstallAsync(OrgTasksClient client, ParseResult result, byte[] publicKey, string? organization, bool json, JsonObject? extra = null)
    {
        var organizations = await client.ListOrganizationsAsync();
        if (organizations.Count == 0) throw new CliException("no organization has been applied to this cluster; run `orgtasks org apply FILE` first");
        List<string> names;
        if (!string.IsNullOrWhiteSpace(organization))
        {
            if (!organizations.ContainsKey(organization))
                throw new CliException($"--organization: no organization '{organization}' in this cluster (it holds "
                    + string.Join(", ", organizations.Keys.Order(StringComparer.Ordinal)) + ")");
            names = [organization];
        }
        else
        {
            names = organizations.Keys.Order(StringComparer.Ordinal).ToList();
        }

        var keyId = DepositSeal.KeyId(publicKey);
        var installed = new JsonArray();
        foreach (var name in names)
        {
            var report = (await client.InstallCentreKeyAsync(publicKey, name)).Single();
            installed.Add(new JsonObject { ["organization"] = name, ["nothingChanged"] = report.NothingChanged });
            if (!json)
                result.Out().WriteLine(report.NothingChanged
                    ? $"{name}: the centre's key {keyId} was already installed"
                    : $"{name}: installed the centre's key {keyId}; its groups now deposit their lists of contacts sealed with it");
        }
        if (!json) return;
        var output = extra ?? new JsonObject();
        output["keyId"] = keyId;
        output["algorithm"] = DepositSeal.Algorithm;
        output["installed"] = installed;
        Json.Write(result.Out(), output);
    }
}
