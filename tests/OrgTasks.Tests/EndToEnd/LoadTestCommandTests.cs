using System.Text.Json;

namespace OrgTasks.Tests.EndToEnd;

/// <summary>
/// The short load tests CI runs: real <c>orgtasks loadtest</c> processes on a city of about 10,000 homes in memory.
/// They assert correctness only (every home once, every statement once, nothing missing), never speed: speed is what
/// the commands print.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class LoadTestCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orgtasks-loadtest-").FullName;

    [Fact]
    public async Task Mobilizing_ten_thousand_homes_reaches_every_home_once_with_the_baselines_beside_it()
    {
        var chart = Path.Combine(_folder, "coverage.png");
        var (run, root) = await RunForJsonAsync("mobilize.json",
            ["loadtest", "mobilize", "--homes", "10000", "--storage", "memory", "--leaflets", "2", "--baseline", "--chart", chart],
            TimeSpan.FromMinutes(4));

        var total = root.GetProperty("homesTotal").GetInt64();
        Assert.Equal(10_080, total); // 6 districts of one factory of 1,680 homes
        Assert.Equal(total, root.GetProperty("homesReached").GetInt64());
        Assert.Equal(0, root.GetProperty("duplicates").GetInt64());
        Assert.Equal(0, root.GetProperty("missing").GetInt64());
        Assert.Equal("the delivery records in the silo's journal", root.GetProperty("countedFrom").GetString());
        Assert.Equal(2, root.GetProperty("warmRuns").GetArrayLength());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("baselineOrleansFanOutSeconds").ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("baselinePlainSeconds").ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("baselineTreeSeconds").ValueKind);
        Assert.True(root.GetProperty("baselineTreeColdSeconds").GetDouble() > 0, "baseline (c) cold was not measured");
        // The second cold leaflet reaches every home too, and counts in duplicates and missing like the others.
        Assert.True(root.GetProperty("coldCompiledSeconds").GetDouble() > 0, "the second cold start was not measured");
        Assert.True(root.GetProperty("coldCompiled").GetProperty("grainCalls").GetInt64() > 0, run.ToString());
        Assert.Equal(JsonValueKind.String, root.GetProperty("command").ValueKind);
        // The messages of a warm leaflet, which no machine changes: one call per unit down the tree, whose answer carries
        // the subtree's coverage, and one one-way call per distributor (the delivery record is the proof, no reply, no
        // second ask); no separate coverage or route reports. Fewer messages than the plain fan-out's call and reply
        // per distributor.
        var warmLeaflet = root.GetProperty("warm");
        var calls = warmLeaflet.GetProperty("callsByMethod");
        Assert.True(calls.GetProperty("ReceiveLeaflet").GetInt64() <= root.GetProperty("units").GetInt64(), calls.ToString());
        Assert.True(calls.GetProperty("SendOut").GetInt64() <= root.GetProperty("agents").GetInt64(), calls.ToString());
        Assert.True(warmLeaflet.GetProperty("oneWayCalls").GetInt64() >= calls.GetProperty("SendOut").GetInt64(), warmLeaflet.ToString());
        Assert.False(calls.TryGetProperty("DeliverRoute", out _), calls.ToString());
        Assert.False(calls.TryGetProperty("ReportCoverage", out _), calls.ToString());
        Assert.False(calls.TryGetProperty("ReportUnit", out _), calls.ToString());
        Assert.True(warmLeaflet.GetProperty("messages").GetInt64() < root.GetProperty("baselineOrleansFanOutMessages").GetDouble(), run.Stdout);
        Assert.True(root.GetProperty("machine").GetProperty("cores").GetInt32() > 0);
        // The runtime's tiering the figures were measured with (the test processes run with the recommended one).
        var tiering = root.GetProperty("runtimeTiering");
        Assert.Equal(0, tiering.GetProperty("callCountingDelayMs").GetInt32());
        Assert.Equal(4096, tiering.GetProperty("callCountThreshold").GetInt32());
        Assert.True(tiering.GetProperty("recommended").GetBoolean());
        CliAssert.Contains("runtime tiering: counting delay 0 ms, promotion after 4,096 calls", run.Stdout, run);
        CliAssert.Contains("duplicates 0, missing 0", run.Stdout, run);
        Assert.True(new FileInfo(chart).Length > 1_000, "the coverage chart was not drawn");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await File.ReadAllBytesAsync(chart)).Take(4).ToArray());
    }

    [Fact]
    public async Task Statements_from_many_agents_at_once_each_arrive_exactly_once()
    {
        var (run, root) = await RunForJsonAsync("statements.json",
            ["loadtest", "statements", "--homes", "10000", "--storage", "memory", "--agents", "200", "--in-flight", "256", "--duration", "3s"],
            TimeSpan.FromMinutes(3));

        var acknowledged = root.GetProperty("acknowledged").GetInt64();
        Assert.True(acknowledged > 0, run.ToString());
        Assert.Equal(acknowledged, root.GetProperty("arrived").GetInt64());
        Assert.Equal(0, root.GetProperty("lost").GetInt64());
        Assert.Equal(0, root.GetProperty("doubled").GetInt64());
        Assert.True(root.GetProperty("callsByMethod").GetProperty("SendStatement").GetInt64() >= acknowledged, root.GetProperty("callsByMethod").ToString());
    }

    [Fact]
    public async Task A_statement_warm_up_is_kept_out_of_the_figures_but_checked_like_the_rest()
    {
        var (run, root) = await RunForJsonAsync("statements-warm.json",
            ["loadtest", "statements", "--homes", "10000", "--storage", "memory", "--agents", "200", "--duration", "2s", "--warmup", "2s"],
            TimeSpan.FromMinutes(3));

        CliAssert.Contains("before the figures below; counted in lost / doubled", run.Stdout, run);
        var warmedUp = root.GetProperty("warmupAcknowledged").GetInt64();
        Assert.True(warmedUp > 0, run.ToString());
        Assert.True(root.GetProperty("warmupSeconds").GetDouble() >= 2);
        // The figures are the measured stretch's alone; lost and doubled cover the warm-up's statements too.
        Assert.Equal(root.GetProperty("acknowledged").GetInt64(), root.GetProperty("arrived").GetInt64());
        Assert.Equal(0, root.GetProperty("lost").GetInt64());
        Assert.Equal(0, root.GetProperty("doubled").GetInt64());
    }

    [Fact]
    public async Task Mobilizing_while_a_share_of_the_distributors_is_arrested_still_reaches_every_home_once()
    {
        var (run, root) = await RunForJsonAsync("arrests.json",
            ["loadtest", "mobilize", "--homes", "10000", "--storage", "memory", "--leaflets", "2", "--arrest-rate", "0.1"],
            TimeSpan.FromMinutes(4));

        Assert.True(root.GetProperty("arrested").GetInt32() > 0, run.ToString());
        Assert.Equal(root.GetProperty("homesTotal").GetInt64(), root.GetProperty("homesReached").GetInt64());
        Assert.Equal(0, root.GetProperty("duplicates").GetInt64());
        Assert.Equal(0, root.GetProperty("missing").GetInt64());
    }

    [Fact]
    public async Task An_arrest_rate_outside_zero_to_one_is_refused()
    {
        var run = await OrgTasksProcess.RunAsync(["loadtest", "mobilize", "--homes", "10000", "--arrest-rate", "1"]);

        CliAssert.FailedCleanly(run, 1, "--arrest-rate: 1 is not a share");
    }

    /// <summary>Runs the command with <c>--json</c> into this test's folder; it must succeed, and its JSON is returned.</summary>
    private async Task<(CliRun Run, JsonElement Root)> RunForJsonAsync(string file, string[] arguments, TimeSpan timeout)
    {
        var json = Path.Combine(_folder, file);
        var run = await OrgTasksProcess.RunAsync([.. arguments, "--json", json], timeout);
        CliAssert.Succeeded(run);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        return (run, document.RootElement.Clone());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
