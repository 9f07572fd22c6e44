using OrgTasks.Cli.Demo;
using OrgTasks.Cli.OrgFiles;
using OrgTasks.Cli.Hosting;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks demo</c>: the whole system in one process, a city mobilized, the picture and the costs.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var city = new Option<string>("--city")
        {
            Description = $"The organization file to run (relative to here or to the repository root)",
            HelpName = "FILE",
            DefaultValueFactory = _ => CityFiles.DefaultCity,
        };
        var storage = new StorageOptions();
        var links = new LinkOptions(silo: true, files: false);
        var json = JsonOption.Create();
        var command = new Command("demo",
            "Start a silo in this process, apply a city, send a leaflet to every home (cold, then warm) and show the coverage and costs")
        {
            city, json,
        };
        storage.AddTo(command);
        links.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            var path = CityFiles.Find(result.GetRequiredValue(city));
            var run = new DemoRun(result.Err(), result.ErrIsTerminal());
            var outcome = await run.RunAsync(path, settings =>
            {
                storage.ApplyTo(result, settings);
                settings.Links = links.Settings(result);
            }, cancellation);
            if (result.GetValue(json)) Json.Write(result.Out(), DemoJson(outcome));
            else DemoText(result.Out(), outcome);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The same object as <c>leaflet status --json</c> for the first leaflet, with the demo's measurements added.</summary>
    private static System.Text.Json.Nodes.JsonObject DemoJson(DemoResult outcome)
    {
        var output = Json.ToObject(outcome.Cold);
        output["file"] = outcome.File;
        output["loadSeconds"] = outcome.LoadSeconds;
        output["applySeconds"] = outcome.ApplySeconds;
        output["coverageSeconds"] = outcome.ColdSeconds;
        output["coldSeconds"] = outcome.ColdSeconds;
        output["warmSeconds"] = outcome.WarmSeconds;
        output["warmLeafletId"] = outcome.Warm.LeafletId;
        output["peakMemoryBytes"] = outcome.PeakMemoryBytes;
        output["gcHeapBytes"] = outcome.GcHeapBytes;
        return output;
    }

    private static void DemoText(TextWriter output, DemoResult outcome)
    {
        LeafletReport.Write(output, outcome.Cold);
        output.WriteLine();
        output.WriteLine($"demo of {outcome.File}");
        output.WriteLine($"  load + validate   {Format.Seconds(outcome.LoadSeconds)}");
        output.WriteLine($"  apply             {Format.Seconds(outcome.ApplySeconds)}");
        output.WriteLine($"  full coverage     {Format.Seconds(outcome.ColdSeconds)} cold (first leaflet), "
            + $"{Format.Seconds(outcome.WarmSeconds)} warm (second leaflet {outcome.Warm.LeafletId})");
        output.WriteLine($"  peak memory       {Format.Bytes(outcome.PeakMemoryBytes)} working set (GC heap now {Format.Bytes(outcome.GcHeapBytes)})");
    }
}
