using OrgTasks.Cli.Hosting;
using OrgTasks.Links;
using OrgTasks.Silo.Links;

namespace OrgTasks.Cli.Commands;

/// <summary>
/// <c>orgtasks certs</c>: this machine's certificate authority and silo certificate, made once (a silo's first start
/// does the same); <c>--issue NAME --host H</c> signs a certificate for another host of a cluster. Prints paths,
/// never a key.
/// </summary>
internal static class CertsCommand
{
    public static Command Create()
    {
        var renew = new Option<bool>("--renew") { Description = "Make a new silo certificate with the same CA (the CA itself is kept)" };
        var issue = new Option<string>("--issue")
        {
            Description = "Sign a certificate for another silo host, written as NAME.crt and NAME.key (0600) in --out",
            HelpName = "NAME",
        };
        var hosts = new Option<string[]>("--host")
        {
            Description = "With --issue: a host name or IP address the other silo is reached at (repeat for several)",
            HelpName = "HOST",
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string>("--out") { Description = "With --issue: the folder to write into [default: the current folder]", HelpName = "DIR" };
        var command = new Command("certs",
            $"Make this machine's certificate authority and silo certificate if they do not exist (in {LocalTlsFolder.Default.Folder}), and show where they are")
        {
            renew, issue, hosts, output,
        };
        command.SetAction(result =>
        {
            var folder = LocalTlsFolder.Default;
            var name = result.GetValue(issue);
            if (name is null && (result.GetValue(hosts) is { Length: > 0 } || result.GetValue(output) is not null))
                throw new CliException("--host and --out go with --issue NAME");
            if (name is not null)
            {
                if (name.Length is 0 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || name.StartsWith('.'))
                    throw new CliException($"--issue: '{name}' is not a file name of letters, digits, '-', '_' and '.' (at most 64)");
                var (certificate, key) = LocalCertificateAuthority.Issue(folder, Path.GetFullPath(result.GetValue(output) ?? "."), name,
                    result.GetValue(hosts) ?? []);
                result.Out().WriteLine($"certificate: {certificate}");
                result.Out().WriteLine($"key:         {key} (mode 0600; copy it to that host only)");
                result.Out().WriteLine($"ca:          {folder.CaCertificate}");
                result.Out().WriteLine($"on that host: orgtasks silo --certificate {Path.GetFileName(certificate)} --certificate-key {Path.GetFileName(key)} --ca ca.crt …");
                return ExitCodes.Ok;
            }
            var made = LocalCertificateAuthority.Ensure(folder, result.GetValue(renew));
            result.Out().WriteLine(made.Count == 0 ? $"certificates: already in {folder.Folder}" : $"certificates: made {string.Join(", ", made)}");
            result.Out().WriteLine($"ca:          {folder.CaCertificate}");
            result.Out().WriteLine($"silo:        {folder.SiloCertificate}");
            result.Out().WriteLine($"silo key:    {folder.SiloKey} (mode 0600)");
            return ExitCodes.Ok;
        });
        return command;
    }
}
