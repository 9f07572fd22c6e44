using OrgTasks.LoadTest;
using OrgTasks.LoadTest.Charts;

namespace OrgTasks.LoadTest.Commands;

/// <summary>
/// <c>orgtasks loadtest mobilize</c>: a leaflet to every home of a city, cold and warm, against the baselines in the
/// same run; duplicates and missing homes must both be 0 (exit code 1 otherwise).
/// </summary>
internal static class LoadTestMobilizeCommand
{
    public static Command Create()
    {
        var options = new LoadTestOptions();
        var leaflets = new Option<int>("--leaflets") { Description = "Warm leaflets measured after the cold one (the median is reported)", HelpName = "N", DefaultValueFactory = _ => 5 };
        var warmup = new Option<int>("--warmup") { Description = "Warm leaflets sent first and not measured", HelpName = "N", DefaultValueFactory = _ => 1 };
        var arrestRate = new Option<double>("--arrest-rate") { Description = "Arrest this share of the distributors while each leaflet travels (0 ≤ P < 1)", HelpName = "P", DefaultValueFactory = _ => 0 };
        var baseline = new Option<bool>("--baseline") { Description = "Also run, in the same run and silo: (a) the plain Orleans fan-out and (b) a plain C# walk of the same tree" };
        var chart = new Option<string?>("--chart") { Description = "Draw coverage over time per district (the cold leaflet) as a PNG", HelpName = "FILE.png" };
        var command = new Command("mobilize",
            "A leaflet from the committee to every home, cold then warm: time to 50/90/99/100 %, deliveries/s, grain calls, hop latency, "
            + "memory, CPU, and duplicate or missing deliveries (both must be 0)")
        {
            leaflets, warmup, arrestRate, baseline, chart,
        };
        options.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            // Checked here, where defaults are applied (a command validator sees 0 for an option not given).
            if (result.GetValue(leaflets) is < 1 or > 1_000) throw new CliException("--leaflets: give 1 to 1,000");
            if (result.GetValue(warmup) is < 0 or > 1_000) throw new CliException("--warmup: give 0 to 1,000");
            var progress = result.Err();
            var jsonPath = options.JsonPath(result);
            var chartPath = ChartPath(result.GetValue(chart));
            var settings = new MobilizeSettings(result.GetValue(leaflets), result.GetValue(warmup), result.GetValue(arrestRate),
                result.GetValue(baseline), chartPath);
            ArrestPlan.Check(settings.ArrestRate); // refused before anything is loaded or started, in a build without arrests
            var (spec, source, loadSeconds) = options.LoadCity(result, progress);
            var arrests = ArrestPlan.Create(settings.ArrestRate, spec);

            MobilizeResult outcome;
            await using (var target = await options.OpenTargetAsync(result, progress, cancellation))
            {
                outcome = await new MobilizeRun(progress, result.ErrIsTerminal())
                    .RunAsync(target, spec, source, loadSeconds, settings, arrests, cancellation);
            }
            MobilizeReport.Write(result.Out(), outcome);
            if (chartPath is not null)
            {
                CoverageChart.Save(chartPath, outcome);
                progress.WriteLine($"loadtest: coverage chart written to {chartPath}");
            }
            if (jsonPath is not null)
                ResultFile.Write(jsonPath, RunContext.CommandLine(Environment.GetCommandLineArgs().Skip(1)), MobilizeReport.Json(outcome));
            if (!outcome.Correct)
                throw new CliException($"{Format.Count(outcome.Duplicates)} duplicate and {Format.Count(outcome.Missing)} missing deliveries; both must be 0");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Checked before the run: a chart that cannot be written should not cost a whole load test.</summary>
    internal static string? ChartPath(string? path)
    {
        if (string.IsNullOrWhiteSpace(path)) return null;
        if (!path.EndsWith(".png", StringComparison.OrdinalIgnoreCase)) throw new CliException($"--chart: '{path}' must end in .png");
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder)) throw new CliException($"--chart: no folder '{folder}' to write {path} in");
        return path;
    }
}
