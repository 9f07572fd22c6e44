using System.Diagnostics;
using System.Text.Json;
using OrgTasks.Postgres.Schema;
using OrgTasks.Tests.EndToEnd;

namespace OrgTasks.Tests.Postgres;

/// <summary>The real <c>orgtasks</c> process managing its PostgreSQL: <c>db start|stop|status|init</c>, and a silo on it.</summary>
[Trait("Category", "Postgres")]
public sealed class DbCommandTests
{
    /// <summary>A developer's own settings must not point these commands at another server or folder.</summary>
    private static readonly Dictionary<string, string> CleanEnvironment = new() { ["ORGTASKS_POSTGRES"] = "", ["ORGTASKS_DATA"] = "" };

    [Fact]
    public async Task Db_start_status_and_stop_report_the_managed_server_with_its_connection_string()
    {
        await using var scratch = new ManagedServerFolder();

        var start = await RunAsync("db", "start", "--data", scratch.Folder, "--json");
        var started = Json(start);
        Assert.True(started.GetProperty("started").GetBoolean());

        var status = Json(await RunAsync("db", "status", "--data", scratch.Folder, "--json"));
        Assert.True(status.GetProperty("running").GetBoolean());
        var port = status.GetProperty("port").GetInt32();
        Assert.Equal(scratch.Folder, status.GetProperty("dataDirectory").GetString());
        Assert.True(status.GetProperty("version").GetInt32() >= 10);
        Assert.Contains($"Port={port}", status.GetProperty("connectionString").GetString());
        Assert.Contains("Host=127.0.0.1", status.GetProperty("connectionString").GetString());

        var stop = await RunAsync("db", "stop", "--data", scratch.Folder);
        Assert.Equal("stopped", stop.StdoutLines[0]);
        var after = Json(await RunAsync("db", "status", "--data", scratch.Folder, "--json"));
        Assert.False(after.GetProperty("running").GetBoolean());
        Assert.Equal(port, after.GetProperty("port").GetInt32());
    }

    [Fact]
    public async Task Db_init_applies_the_schema_once_and_finds_it_up_to_date_the_second_time()
    {
        await using var scratch = new ManagedServerFolder();

        var first = Json(await RunAsync("db", "init", "--data", scratch.Folder, "--json"));
        var second = await RunAsync("db", "init", "--data", scratch.Folder);

        Assert.Equal(MigrationCatalog.All.Select(m => m.Version),
            first.GetProperty("applied").EnumerateArray().Select(m => m.GetProperty("version").GetInt32()));
        Assert.Equal(MigrationCatalog.LatestVersion, first.GetProperty("schemaVersion").GetInt32());
        Assert.True(first.GetProperty("running").GetBoolean());
        Assert.Equal($"schema: version {MigrationCatalog.LatestVersion}, up to date", second.StdoutLines[0]);
    }

    [Fact]
    public async Task Db_status_of_an_unreachable_external_server_says_so_and_never_shows_its_password()
    {
        var run = await RunAsync("db", "status", "--connection", "Host=127.0.0.1;Port=1;Username=someone;Password=hunter2;Timeout=2", "--json");

        var status = Json(run);
        Assert.Equal("external", status.GetProperty("kind").GetString());
        Assert.False(status.GetProperty("running").GetBoolean());
        Assert.DoesNotContain("hunter2", run.Stdout + run.Stderr);
    }

    [Fact]
    public async Task A_silo_on_postgres_names_its_managed_store_and_stops_the_server_it_started_when_it_stops()
    {
        await using var scratch = new ManagedServerFolder();
        var ports = OrgTasks.Cli.Hosting.FreePorts.Take(2);
        using var silo = OrgTasksProcess.Start(
            ["silo", "--storage", "postgres", "--data", scratch.Folder, "--silo-port", ports[0].ToString(), "--gateway-port", ports[1].ToString()],
            CleanEnvironment);
        try
        {
            var stderr = silo.StandardError.ReadToEndAsync();
            var upLine = await LineStartingWithAsync(silo.StandardOutput, "silo up: ", TimeSpan.FromSeconds(90));
            Assert.Matches(@"storage: PostgreSQL \d+ at 127\.0\.0\.1:\d+, managed", upLine);
            Assert.True((await scratch.Open().GetStatusAsync()).Running);

            using (var term = Process.Start("kill", ["-TERM", silo.Id.ToString()])) await term.WaitForExitAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await silo.WaitForExitAsync(limit.Token);

            Assert.True(silo.ExitCode == 0, $"exit code {silo.ExitCode}\n{await stderr}");
            Assert.Contains("managed PostgreSQL stopped", await stderr);
            Assert.False((await scratch.Open().GetStatusAsync()).Running);
        }
        finally
        {
            if (!silo.HasExited) silo.Kill(entireProcessTree: true);
        }
    }

    private static async Task<CliRun> RunAsync(params string[] arguments)
    {
        var run = await OrgTasksProcess.RunAsync(arguments, TimeSpan.FromSeconds(90), CleanEnvironment);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    private static JsonElement Json(CliRun run) => JsonDocument.Parse(run.Stdout).RootElement;

    private static async Task<string> LineStartingWithAsync(StreamReader output, string prefix, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (await output.ReadLineAsync(limit.Token) is { } line)
            if (line.StartsWith(prefix, StringComparison.Ordinal)) return line;
        throw new InvalidOperationException($"the output ended without a line starting '{prefix}'");
    }
}
