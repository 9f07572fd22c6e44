using OrgTasks.Links;

namespace OrgTasks.Cli.Hosting;

/// <summary>
/// <c>--insecure</c>, <c>--ca</c>, <c>--certificate</c> and <c>--certificate-key</c>: how links are encrypted. By
/// default a silo makes (once) and uses this machine's local CA and silo certificate, and a client trusts that CA, so
/// nothing is needed on one machine; a cluster on several hosts names its files; plaintext only with <c>--insecure</c>.
/// </summary>
internal sealed class LinkOptions
{
    private const string CaVariable = LinkSettings.CaVariable;
    private const string CertificateVariable = LinkSettings.CertificateVariable;
    private const string CertificateKeyVariable = LinkSettings.CertificateKeyVariable;

    private readonly bool _silo;

    /// <param name="silo">Whether the command runs a silo (it then also takes a certificate).</param>
    /// <param name="files">Whether the command takes files at all (the demo and in-process load tests take only --insecure).</param>
    /// <param name="insecureDescription">What --insecure means for this command, when not the usual.</param>
    public LinkOptions(bool silo, bool files = true, string? insecureDescription = null)
    {
        _silo = silo;
        Files = files;
        Insecure = new Option<bool>("--insecure")
        {
            Description = insecureDescription ?? (silo
                ? "Plaintext links: no TLS on the gateway or between silos (clients must say --insecure too); the start-up line says so"
                : "Connect without TLS, to a silo started with --insecure"),
        };
        Ca = new Option<string>("--ca")
        {
            Description = $"The cluster's certificate authority (PEM) [env: {CaVariable}; default: {LocalTlsFolder.Default.CaCertificate}, made by the first local silo]",
            HelpName = "FILE",
        };
        Certificate = new Option<string>("--certificate")
        {
            Description = $"This silo's certificate (PEM), signed by --ca [env: {CertificateVariable}; default: the local one, {LocalTlsFolder.Default.SiloCertificate}]",
            HelpName = "FILE",
        };
        CertificateKey = new Option<string>("--certificate-key")
        {
            Description = $"The private key (PEM) of --certificate [env: {CertificateKeyVariable}; default: the --certificate file itself]",
            HelpName = "FILE",
        };
    }

    private bool Files { get; }

    public Option<bool> Insecure { get; }
    public Option<string> Ca { get; }
    public Option<string> Certificate { get; }
    public Option<string> CertificateKey { get; }

    public void AddTo(Command command)
    {
        command.Add(Insecure);
        if (!Files) return;
        command.Add(Ca);
        if (!_silo) return;
        command.Add(Certificate);
        command.Add(CertificateKey);
    }

    /// <summary>The link settings the command line (and the environment) asks for.</summary>
    public LinkSettings Settings(ParseResult result)
    {
        var settings = new LinkSettings { Insecure = result.GetValue(Insecure) };
        if (!Files) return settings;
        settings.CertificateAuthorityPath = Given(result, Ca, CaVariable);
        if (settings.Insecure && (result.GetValue(Ca) is { Length: > 0 } || (_silo && result.GetValue(Certificate) is { Length: > 0 })))
            throw new CliException($"{Insecure.Name} turns TLS off; {(_silo ? $"{Certificate.Name} and {Ca.Name} are" : $"{Ca.Name} is")} for TLS: give one or the other");
        // Files named in the environment (a container's) give way to an explicit --insecure.
        if (settings.Insecure) return new LinkSettings { Insecure = true };
        if (_silo)
        {
            settings.CertificatePath = Given(result, Certificate, CertificateVariable);
            settings.CertificateKeyPath = Given(result, CertificateKey, CertificateKeyVariable);
            if ((settings.CertificatePath is null) != (settings.CertificateAuthorityPath is null))
                throw new CliException($"{Certificate.Name} and {Ca.Name} go together: a silo's own certificate and the CA that signed it");
            if (settings.CertificateKeyPath is not null && settings.CertificatePath is null)
                throw new CliException($"{CertificateKey.Name} needs {Certificate.Name}");
        }
        return settings;
    }

    private static string? Given(ParseResult result, Option<string> option, string variable) =>
        result.GetValue(option) is { Length: > 0 } value ? Path.GetFullPath(value)
        : Environment.GetEnvironmentVariable(variable) is { Length: > 0 } fromEnvironment ? Path.GetFullPath(fromEnvironment)
        : null;
}
