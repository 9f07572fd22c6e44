using OrgTasks.Cli.Deposits;
using OrgTasks.Cli.Hosting;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks centre install --public-key FILE</c>: installs a centre's public key made earlier.</summary>
internal static class CentreInstallCommand
{
    public static Command Create()
    {
        var file = new Option<string>("--public-key") { Description = "The centre's public key (PEM, SubjectPublicKeyInfo), e.g. centre.pub", HelpName = "FILE", Required = true };
        var organization = CentreKeyInstall.OrganizationOption();
        var json = JsonOption.Create();
        var command = new Command("install", "Install an existing centre's public key in the cluster; groups deposit again, sealed with it")
        {
            file, organization, json,
        };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var publicKey = CentreKeyFiles.ReadPublic(result.GetRequiredValue(file));
            await CentreKeyInstall.InstallAsync(client, result, publicKey, result.GetValue(organization), result.GetValue(json));
            return ExitCodes.Ok;
        });
        return command;
    }
}
