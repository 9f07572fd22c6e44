using OrgTasks.LoadTest;
using OrgTasks.LoadTest.Charts;
using OrgTasks.Cli.Parsing;

namespace OrgTasks.LoadTest.Commands;

/// <summary><c>orgtasks loadtest scale</c>: the mobilization at 10,000, 100,000 and 1,008,000 homes, time and memory per size.</summary>
internal static class LoadTestScaleCommand
{
    public static Command Create()
    {
        var sizes = new Option<string>("--sizes")
        {
            Description = "Sizes to run, in homes, comma-separated (each is rounded to whole factories of 1,680 homes)",
            HelpName = "N,N,…",
            DefaultValueFactory = _ => "10000,100000,1008000",
        };
        var leaflets = new Option<int>("--leaflets") { Description = "Warm leaflets measured per size (the median is reported)", HelpName = "N", DefaultValueFactory = _ => 5 };
        var storage = Choices.Option("--storage", "Where grain state lives in each size's silo", Choices.Storage, defaultValue: "memory");
        var json = new Option<string?>("--json") { Description = "Also write the results as a JSON object to this file", HelpName = "FILE" };
        var chart = new Option<string?>("--chart") { Description = "Draw the scale curve (time and time per home against size) as a PNG", HelpName = "FILE.png" };
        var command = new Command("scale",
            "Mobilize cities of 10,000, 100,000 and 1,008,000 homes, each in a fresh process: time, time per home and peak memory per size")
        {
            sizes, leaflets, storage, json, chart,
        };
        command.SetAction(async (result, cancellation) =>
        {
            var list = ParseSizes(result.GetRequiredValue(sizes));
            var chartPath = LoadTestMobilizeCommand.ChartPath(result.GetValue(chart));
            var jsonPath = result.GetValue(json) is { Length: > 0 } p ? p : null;
            var count = result.GetValue(leaflets);
            if (count is < 1 or > 1_000) throw new CliException("--leaflets: give 1 to 1,000");
            var kind = result.GetRequiredValue(storage);
            var points = await new ScaleRun(result.Err()).RunAsync(list,
                ["--storage", kind, "--leaflets", count.ToString(CultureInfo.InvariantCulture)], cancellation);
            ScaleRun.Write(result.Out(), points, kind);
            if (chartPath is not null)
            {
                ScaleChart.Save(chartPath, points);
                result.Err().WriteLine($"loadtest: scale chart written to {chartPath}");
            }
            if (jsonPath is not null)
            {
                var body = ScaleRun.Json(points);
                body["storage"] = kind;
                ResultFile.Write(jsonPath, RunContext.CommandLine(Environment.GetCommandLineArgs().Skip(1)), body);
            }
            return points.All(point => point.Correct) ? ExitCodes.Ok
                : throw new CliException("a size had duplicate or missing deliveries; both must be 0");
        });
        return command;
    }

    private static IReadOnlyList<long> ParseSizes(string text)
    {
        var sizes = new List<long>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!long.TryParse(part.Replace("_", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1)
                throw new CliException($"--sizes: '{part}' is not a positive number of homes");
            LoadTestCity.Shape(size); // refuses a size beyond the generator's limit
            sizes.Add(size);
        }
        return sizes.Count > 0 ? sizes : throw new CliException("--sizes: give at least one size");
    }
}
