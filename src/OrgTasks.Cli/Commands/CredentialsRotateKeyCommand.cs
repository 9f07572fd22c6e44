using OrgTasks.Cli.Hosting;
using OrgTasks.Client.Connection;
using OrgTasks.Grains.Identity;

namespace OrgTasks.Cli.Commands;

/// <summary>
/// <c>orgtasks credentials rotate-key</c>: a new signing key in the silos' key file. New credentials are signed with it;
/// the old keys keep verifying until retired with <c>--retire KID</c> (then every credential they signed is refused).
/// Silos read the file again within a second. With the default file, the operator's own credential is renewed too. A
/// file that does not exist yet is made (a cluster's first key file).
/// </summary>
internal static class CredentialsRotateKeyCommand
{
    public static Command Create()
    {
        var keys = new Option<string?>("--signing-keys")
        {
            Description = "The silos' key file (default: this user's, the one local silos use)",
            HelpName = "FILE",
        };
        var retire = new Option<string?>("--retire") { Description = "Remove this key instead: credentials it signed stop working", HelpName = "KID" };
        var command = new Command("rotate-key", "Add a new credential signing key (or retire an old one) in the silos' key file; makes the file when there is none") { keys, retire };
        command.SetAction(result =>
        {
            var path = Path.GetFullPath(result.GetValue(keys) is { Length: > 0 } given ? given : OrgTasksConfigFolder.DefaultSigningKeysFile);
            if (!File.Exists(path))
            {
                if (result.GetValue(retire) is { Length: > 0 }) throw new CliException($"--signing-keys: no file '{path}'");
                // A cluster's first key file: made here, then handed to every silo (a Secret, a shared volume).
                var made = SigningKeyRing.LoadOrCreate(path);
                result.Out().WriteLine($"made {path} (mode 0600) with signing key {made.SigningKeyId}; every silo of the cluster reads this one file");
                return ExitCodes.Ok;
            }
            if (result.GetValue(retire) is { Length: > 0 } old)
            {
                SigningKeyRing.Retire(path, old);
                result.Out().WriteLine($"retired key {old} in {path}: credentials it signed are refused once silos read the file again");
                return ExitCodes.Ok;
            }
            var kid = SigningKeyRing.Rotate(path);
            result.Out().WriteLine($"new signing key {kid} in {path}; older keys keep verifying until retired (--retire KID)");
            if (result.GetValue(keys) is not { Length: > 0 })
            {
                var credential = CredentialFile.Resolve(null);
                CredentialFile.Write(credential, LocalOperator.Issue(SigningKeyRing.Load(path), LocalOperator.Name, CredentialAuthorityGrain.DefaultOperatorLifetime));
                result.Out().WriteLine($"the operator's credential {credential} is signed with the new key");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
