using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OrgTasks.Links;
using OrgTasks.Silo.Health;
using OrgTasks.Tests.EndToEnd;
using OrgTasks.Tests.Infrastructure;
using OrgTasks.Tests.Organization;

namespace OrgTasks.Tests.Api;

/// <summary>
/// The real <c>orgtasks-server</c> process: the README's <c>curl</c> lines, run with the real curl binary against it,
/// answer what the README says; <c>GET /api/v1/leaflets/{id}</c> is the same JSON as <c>orgtasks leaflet status --json</c>
/// through the same server's gateway.
/// </summary>
[Trait("Category", "Api")]
public sealed partial class ServerProcessTests
{
    private const string Organization = "st-petersburg";

    [Fact]
    public async Task Readme_curl_examples_answer_as_documented_against_the_real_server()
    {
        await using var server = await ServerProcess.StartAsync();
        try
        {
            await RunExamplesAsync(server);
        }
        catch (Exception) when (Dump(server))
        {
            throw;
        }
    }

    private static async Task RunExamplesAsync(ServerProcess server)
    {
        using var operatorHttp = server.Http(TestIdentity.Operator);
        await (await operatorHttp.GetAsync(HealthPaths.Readiness)).ExpectAsync(200);
        using var apply = await operatorHttp.PostAsync("/api/v1/org/apply?file=st-petersburg.yaml",
            new StringContent(await File.ReadAllTextAsync(RepoPaths.Sample("st-petersburg.yaml")), Encoding.UTF8, "application/yaml"));
        await apply.ExpectAsync(200);

        var lines = ReadmeCurlLines();
        Assert.Equal(4, lines.Count);
        var environment = new Dictionary<string, string>
        {
            ["CA"] = LocalTlsFolder.Default.CaCertificate,
            ["ORGTASKS_URL"] = server.BaseAddress.ToString().TrimEnd('/'),
            ["AGENT"] = TestIdentity.Agent("sasha", Organization),
            ["OPERATOR"] = TestIdentity.Operator,
        };

        var (status, sent) = await CurlAsync(lines[0], environment);
        Assert.Equal(201, status);
        var statementId = sent!["id"]!.GetValue<string>();

        (status, var issued) = await CurlAsync(lines[1], environment);
        Assert.Equal(201, status);
        var leafletId = issued!["leafletId"]!.GetValue<string>();
        environment["LEAFLET"] = leafletId;

        var coverage = await Poll.UntilAsync(() => CurlAsync(lines[2], environment),
            answer => answer.Status == 200 && answer.Json?["complete"]?.GetValue<bool>() == true, TimeSpan.FromSeconds(60), "the leaflet to reach every home");
        Assert.Equal(leafletId, coverage.Json!["leafletId"]!.GetValue<string>());
        Assert.True(coverage.Json["homesTotal"]!.GetValue<long>() > 0);
        Assert.Equal(coverage.Json["homesTotal"]!.GetValue<long>(), coverage.Json["homesReached"]!.GetValue<long>());

        var inbox = await Poll.UntilAsync(() => CurlAsync(lines[3], environment),
            answer => answer.Status == 200 && answer.Json!["entries"]!.AsArray().Any(e => e!["statement"]!["id"]!.GetValue<string>() == statementId),
            TimeSpan.FromSeconds(60), "the statement in the committee's inbox");
        Assert.Equal("sasha", inbox.Json!["entries"]!.AsArray().Single(e => e!["statement"]!["id"]!.GetValue<string>() == statementId)!["statement"]!["author"]!.GetValue<string>());

        // One source of truth: the CLI through the gateway prints the same document as the API.
        var credential = Path.Combine(Path.GetTempPath(), $"orgtasks-api-{Guid.NewGuid():N}.credential");
        await File.WriteAllTextAsync(credential, TestIdentity.Operator);
        try
        {
            var cli = await OrgTasksProcess.RunAsync(["leaflet", "status", leafletId, "--json", "--gateway", $"127.0.0.1:{server.GatewayPort}",
                "--cluster-id", server.ClusterId, "--credential", credential]);
            Assert.True(cli.ExitCode == 0, cli.ToString());
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(cli.Stdout), coverage.Json),
                $"CLI:\n{cli.Stdout}\nAPI:\n{coverage.Json.ToJsonString()}");
        }
        finally
        {
            File.Delete(credential);
        }
    }

    /// <summary>The <c>curl</c> lines between the README's http-examples markers.</summary>
    public static IReadOnlyList<string> ReadmeCurlLines()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var block = Examples().Match(readme);
        Assert.True(block.Success, "README.md has no http-examples block");
        return block.Groups["body"].Value.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("curl ", StringComparison.Ordinal)).ToList();
    }

    /// <summary>Runs one README line with bash and the real curl, the status code appended; the variables are the environment's.</summary>
    private static async Task<(int Status, JsonNode? Json)> CurlAsync(string line, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(line + " -w '\\n%{http_code}'");
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(limit.Token);
        var output = (await stdout).TrimEnd();
        Assert.True(process.ExitCode == 0, $"curl exited {process.ExitCode}: {await stderr}\n{output}");
        var split = output.LastIndexOf('\n');
        var status = int.Parse(output[(split + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var body = split < 0 ? "" : output[..split];
        return (status, body.Length == 0 ? null : JsonNode.Parse(body));
    }

    private static bool Dump(ServerProcess server)
    {
        Console.Error.WriteLine("--- orgtasks-server ---\n" + server.Output);
        return false;
    }

    [GeneratedRegex(@"<!-- http-examples:start -->\s*```bash\n(?<body>.*?)```\s*<!-- http-examples:end -->", RegexOptions.Singleline)]
    private static partial Regex Examples();
}
