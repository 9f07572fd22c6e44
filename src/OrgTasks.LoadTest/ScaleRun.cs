using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using OrgTasks.LoadTest.Charts;

namespace OrgTasks.LoadTest;

/// <summary>
/// The scale curve: <c>loadtest mobilize</c> at each size, each in a fresh process of its own, so that every size
/// starts from a cold silo and its peak memory is its own (a process's peak only ever grows).
/// </summary>
internal sealed class ScaleRun(TextWriter progress)
{
    /// <summary>One size may take a while on a busy machine: applying a million homes alone is 10–20 s.</summary>
    private static readonly TimeSpan SizeLimit = TimeSpan.FromMinutes(20);

    public async Task<IReadOnlyList<ScalePoint>> RunAsync(IReadOnlyList<long> sizes, IReadOnlyList<string> passOn, CancellationToken cancellation)
    {
        var points = new List<ScalePoint>();
        foreach (var size in sizes)
        {
            var json = Path.Combine(Path.GetTempPath(), $"orgtasks-scale-{Environment.ProcessId}-{size}.json");
            try
            {
                progress.WriteLine($"scale: {Format.Count(LoadTestCity.HomesOf(size))} homes, in a fresh process …");
                var code = await RunChildAsync(["loadtest", "mobilize", "--homes", size.ToString(CultureInfo.InvariantCulture), "--json", json, .. passOn],
                    cancellation);
                if (code != ExitCodes.Ok || !File.Exists(json))
                    throw new CliException($"scale: the run of {Format.Count(size)} homes failed (exit code {code}); its messages are above");
                var result = JsonNode.Parse(await File.ReadAllTextAsync(json, cancellation))!.AsObject();
                var point = new ScalePoint(
                    (long)result["homesTotal"]!,
                    (double)result["coldSeconds"]!,
                    (double)result["warmSeconds"]!,
                    (long?)result["peakMemoryBytes"],
                    (long)result["duplicates"]! == 0 && (long)result["missing"]! == 0);
                points.Add(point);
                progress.WriteLine($"scale: {Format.Count(point.Homes)} homes: cold {Format.Seconds(point.ColdSeconds)}, warm {Format.Seconds(point.WarmSeconds)}");
            }
            finally
            {
                File.Delete(json);
            }
        }
        return points;
    }

    /// <summary>This same program again (the apphost, or <c>dotnet orgtasks.dll</c>), its stderr passed through.</summary>
    private async Task<int> RunChildAsync(IReadOnlyList<string> arguments, CancellationToken cancellation)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell which program is running");
        var start = new ProcessStartInfo(self) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"could not start {self}");
        var relay = RelayAsync(child.StandardError);
        var drain = child.StandardOutput.ReadToEndAsync(cancellation); // the text report; the JSON file is what is read
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(SizeLimit);
        try
        {
            await child.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            if (cancellation.IsCancellationRequested) throw;
            throw new CliException($"scale: one size did not finish within {Format.Duration(SizeLimit)}");
        }
        await relay;
        await drain;
        return child.ExitCode;
    }

    private async Task RelayAsync(StreamReader stderr)
    {
        while (await stderr.ReadLineAsync() is { } line)
        {
            // Progress bars of the child redraw lines; only finished lines are worth passing on.
            if (line.StartsWith("coverage:", StringComparison.Ordinal)) continue;
            progress.WriteLine("  " + line);
        }
    }

    public static void Write(TextWriter o, IReadOnlyList<ScalePoint> points, string storage)
    {
        o.WriteLine($"scale: a leaflet to every home against the size of the city (storage {storage}; each size in a fresh process)");
        o.WriteLine($"  {"homes",12}  {"cold",9}  {"warm",9}  {"µs/home cold",12}  {"µs/home warm",12}  {"peak memory",11}  dup./missing");
        foreach (var p in points)
            o.WriteLine($"  {Format.Count(p.Homes),12}  {Format.Seconds(p.ColdSeconds),9}  {Format.Seconds(p.WarmSeconds),9}  "
                + $"{p.ColdMicrosecondsPerHome,12:0.00}  {p.WarmMicrosecondsPerHome,12:0.00}  "
                + $"{(p.PeakMemoryBytes is { } m ? Format.Bytes(m) : Format.None),11}  {(p.Correct ? "0 / 0" : "NOT 0")}");
        if (Growth(points) is { } growth)
            o.WriteLine($"  time per home (warm) at {Format.Count(growth.Large.Homes)} homes is {growth.Ratio:0.00}× that at "
                + $"{Format.Count(growth.Small.Homes)} (target: at most 1.2×; below 1 means cheaper per home as the city grows)");
    }

    /// <summary>Warm time per home of the largest size against the next smaller one.</summary>
    public static (ScalePoint Small, ScalePoint Large, double Ratio)? Growth(IReadOnlyList<ScalePoint> points)
    {
        var sorted = points.OrderBy(p => p.Homes).ToList();
        if (sorted.Count < 2) return null;
        var (small, large) = (sorted[^2], sorted[^1]);
        return (small, large, large.WarmMicrosecondsPerHome / small.WarmMicrosecondsPerHome);
    }

    public static JsonObject Json(IReadOnlyList<ScalePoint> points) => new()
    {
        ["sizes"] = new JsonArray([.. points.Select(p => (JsonNode)new JsonObject
        {
            ["homes"] = p.Homes,
            ["coldSeconds"] = p.ColdSeconds,
            ["warmSeconds"] = p.WarmSeconds,
            ["coldMicrosecondsPerHome"] = p.ColdMicrosecondsPerHome,
            ["warmMicrosecondsPerHome"] = p.WarmMicrosecondsPerHome,
            ["peakMemoryBytes"] = p.PeakMemoryBytes,
            ["correct"] = p.Correct,
        })]),
        ["warmPerHomeGrowth"] = Growth(points)?.Ratio,
    };
}
