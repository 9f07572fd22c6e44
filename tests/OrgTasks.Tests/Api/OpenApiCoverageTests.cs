using System.CommandLine;
using System.Text.Json;
using OrgTasks.Cli;

namespace OrgTasks.Tests.Api;

/// <summary>
/// Every command of the CLI that talks to a cluster has its operation in the OpenAPI document (operation id: the
/// command's path with hyphens, <c>leaflet-status</c>); the commands that only act on this machine are listed as exempt,
/// each with its reason. A new command fails this test until it has an endpoint or a reason.
/// </summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Api")]
public sealed class OpenApiCoverageTests(ApiServerFixture fixture)
{
    /// <summary>Commands with no endpoint, and why: they act on this machine, not on a cluster.</summary>
    public static readonly IReadOnlyDictionary<string, string> Exempt = new Dictionary<string, string>
    {
        ["silo"] = "runs a silo: it is the server",
        ["demo"] = "starts a silo inside the CLI's own process",
        ["db start"] = "the managed PostgreSQL on this machine",
        ["db stop"] = "the managed PostgreSQL on this machine",
        ["db status"] = "the managed PostgreSQL on this machine",
        ["db init"] = "the managed PostgreSQL on this machine",
        ["certs"] = "this machine's CA and certificate files",
        ["credentials rotate-key"] = "edits the signing-key file on the silos' disks (the offline `credentials issue --operator --signing-keys` likewise needs no cluster)",
        ["loadtest mobilize"] = "a load test starts its own silos and clients",
        ["loadtest statements"] = "a load test starts its own silos and clients",
        ["loadtest scale"] = "a load test starts its own silos and clients",
    };

    /// <summary>Commands whose server side is another command's operation.</summary>
    public static readonly IReadOnlyDictionary<string, string> SameOperation = new Dictionary<string, string>
    {
        // The key pair is made where the private key stays; the server only installs the public half.
        ["centre keys"] = "centre-install",
    };

    [Fact]
    public async Task Every_cluster_command_of_the_cli_has_an_operation_in_the_openapi_document()
    {
        using var http = fixture.Server.Http(null);
        using var response = await http.GetAsync("/openapi/v1.json");
        await response.ExpectAsync(200);
        var document = await response.JsonAsync();
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("operationId", out _))
                .Select(o => (Id: o.Value.GetProperty("operationId").GetString()!, Path: path.Name, Method: o.Name)))
            .ToList();

        var commands = Leaves(CliCommands.Create(), "").ToList();
        Assert.Contains("leaflet status", commands);
        Assert.All(Exempt.Keys, exempt => Assert.Contains(exempt, commands));
        var missing = commands.Where(c => !Exempt.ContainsKey(c))
            .Select(c => (Command: c, Operation: SameOperation.GetValueOrDefault(c) ?? c.Replace(' ', '-')))
            .Where(c => operations.All(o => o.Id != c.Operation))
            .Select(c => $"{c.Command} (operation {c.Operation})")
            .ToList();
        Assert.True(missing.Count == 0, "CLI commands without an operation in /openapi/v1.json: " + string.Join(", ", missing));
        Assert.All(operations, o => Assert.StartsWith("/api/v1/", o.Path));
    }

    [Fact]
    public async Task The_reference_page_is_served_at_api()
    {
        using var http = fixture.Server.Http(null);
        using var response = await http.GetAsync("/api");
        await response.ExpectAsync(200);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>OrgTasks HTTP API</title>", page);
        // The page loads the document relative to the application's root.
        Assert.Contains("\"url\":\"openapi/v1.json\"", page);
    }

    private static IEnumerable<string> Leaves(Command command, string prefix)
    {
        if (command.Subcommands.Count == 0)
        {
            yield return prefix;
            yield break;
        }
        foreach (var sub in command.Subcommands)
            foreach (var leaf in Leaves(sub, prefix.Length == 0 ? sub.Name : $"{prefix} {sub.Name}"))
                yield return leaf;
    }
}
