using OrgTasks.Cli.Hosting;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks centre</c>: the centre's key pair, with which groups seal their lists of contacts.</summary>
internal static class CentreCommand
{
    public static Command Create()
    {
        var centre = new Command("centre", "The centre's key pair: groups seal their lists of contacts with its public key; only its private key opens them")
        {
            CentreKeysCommand.Create(), CentreInstallCommand.Create(), CentreDigestCommand.Create(),
        };
        centre.ShowHelpWhenCalledAlone();
        return centre;
    }
}
