using System.Text.Json.Nodes;
using OrgTasks.Cli.Deposits;
using OrgTasks.Cli.Hosting;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks centre keys --out DIR</c>: a new key pair for the centre; the public half is installed in the cluster.</summary>
internal static class CentreKeysCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder for centre.key (private, mode 0600) and centre.pub", HelpName = "DIR", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace an existing centre.key (deposits sealed for the old key can then no longer be opened with it)" };
        var organization = CentreKeyInstall.OrganizationOption();
        var json = JsonOption.Create();
        var command = new Command("keys",
            $"Make the centre's key pair ({DepositSeal.Algorithm}), write it to DIR and install the public key in the cluster; "
            + "the private key never leaves DIR")
        {
            output, force, organization, json,
        };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var (privateKey, publicKey) = DepositSeal.NewCentreKeys();
            var (privatePath, publicPath) = CentreKeyFiles.Write(result.GetRequiredValue(output), privateKey, publicKey, result.GetValue(force));
            var asJson = result.GetValue(json);
            if (!asJson) result.Out().WriteLine($"wrote {privatePath} (private key, keep it away from the cluster) and {publicPath}");
            await CentreKeyInstall.InstallAsync(client, result, publicKey, result.GetValue(organization), asJson,
                new JsonObject { ["privateKey"] = Path.GetFullPath(privatePath), ["publicKey"] = Path.GetFullPath(publicPath) });
            return ExitCodes.Ok;
        });
        return command;
    }
}
