using OrgTasks.Cli.Hosting;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks credentials</c>: issue, list and revoke the credentials clients prove who they are with.</summary>
internal static class CredentialsCommand
{
    public static Command Create()
    {
        var command = new Command("credentials",
            "Credentials: the signed tokens clients prove who they are with (issued by the operator or the committee's secretary)")
        {
            CredentialsIssueCommand.Create(), CredentialsRevokeCommand.Create(), CredentialsListCommand.Create(), CredentialsRotateKeyCommand.Create(),
        };
        command.ShowHelpWhenCalledAlone();
        return command;
    }
}
