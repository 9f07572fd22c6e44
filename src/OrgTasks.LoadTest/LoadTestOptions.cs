using OrgTasks.Cli.Hosting;
using OrgTasks.Cli.OrgFiles;
using OrgTasks.Organization;

namespace OrgTasks.LoadTest;

/// <summary>
/// The options every load test shares: which city (<c>--city</c> or <c>--homes</c>), where it runs (a silo in this
/// process with <c>--storage</c>, or a running cluster with <c>--gateway</c>), and where the results go.
/// </summary>
internal sealed class LoadTestOptions
{
    public Option<string?> City { get; } = new("--city")
    {
        Description = "The organization file to run (default: samples/city-1m.yaml unless --homes is given)",
        HelpName = "FILE",
    };

    public Option<long?> Homes { get; } = new("--homes")
    {
        Description = "Run a generated city of about N homes in the shape of samples/city-1m.yaml instead of a file",
        HelpName = "N",
    };

    public StorageOptions Storage { get; } = new();

    public Option<string?> Gateway { get; } = new("--gateway")
    {
        Description = "Run against a running cluster through these gateways instead of a silo in this process "
            + "(no call counts, memory or CPU figures then)",
        HelpName = "HOST:PORT[,HOST:PORT…]",
    };

    public Option<string> ClusterId { get; } = ClientOptions.ClusterIdOption();

    /// <summary>--insecure and --ca: for the in-process silo and its client, or for the client of --gateway.</summary>
    public LinkOptions Links { get; } = new(silo: false, insecureDescription:
        "Plaintext links: the silo this command starts and its client without TLS (to measure what TLS costs), or with --gateway a client of a silo started with --insecure");

    public Option<string?> Json { get; } = new("--json")
    {
        Description = "Also write the results as a JSON object to this file (with machine, command and commit)",
        HelpName = "FILE",
    };

    /// <summary>With <c>--gateway</c>: the credential (the operator's by default).</summary>
    public Option<string?> Credential { get; } = ClientOptions.CredentialOption();

    public void AddTo(Command command)
    {
        command.Add(City);
        command.Add(Homes);
        Storage.AddTo(command);
        command.Add(Gateway);
        command.Add(ClusterId);
        command.Add(Credential);
        command.Add(Json);
        Links.AddTo(command);
    }

    public (OrganizationSpec Spec, string Source, double LoadSeconds) LoadCity(ParseResult result, TextWriter progress)
    {
        var (spec, source, seconds) = LoadTestCity.Load(result.GetValue(City), result.GetValue(Homes), progress);
        progress.WriteLine($"loadtest: {CheckedOrgFile.Describe(spec)} from {source} (loaded in {Format.Seconds(seconds)})");
        return (spec, source, seconds);
    }

    /// <summary>A silo in this process, or the cluster named by <c>--gateway</c>.</summary>
    public async Task<LoadTestTarget> OpenTargetAsync(ParseResult result, TextWriter progress, CancellationToken cancellation)
    {
        if (result.GetValue(Gateway) is { Length: > 0 } gateway)
        {
            if (result.GetResult(Storage.Storage) is { Implicit: false })
                throw new CliException("--storage is for the silo this command starts; with --gateway the cluster's own storage is used");
            var links = Links.Settings(result);
            ClientOptions.RequireCertificateAuthority(links);
            return await LoadTestTarget.ConnectAsync(gateway, result.GetRequiredValue(ClusterId), result.GetValue(Credential), links, progress, cancellation);
        }
        if (result.GetResult(Links.Ca) is { Implicit: false })
            throw new CliException("--ca is for --gateway; the silo this command starts uses this machine's local CA (or --insecure)");
        return await LoadTestTarget.StartAsync(settings =>
        {
            Storage.ApplyTo(result, settings);
            settings.Links = Links.Settings(result);
        }, progress, cancellation);
    }

    /// <summary>Where the JSON goes, checked before a long run rather than after it.</summary>
    public string? JsonPath(ParseResult result)
    {
        if (result.GetValue(Json) is not { Length: > 0 } path) return null;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder)) throw new CliException($"--json: no folder '{folder}' to write {path} in");
        return path;
    }
}
