using OrgTasks.Organization;

namespace OrgTasks.Cli.LoadTest;

/// <summary>Applies the load test's city (not timed as part of any figure; the time is shown).</summary>
internal static class LoadTestApply
{
    public static async Task<double> ApplyAsync(OrgTasksClient client, OrganizationSpec spec, TextWriter progress, bool terminal,
        CancellationToken cancellation)
    {
        ApplyReport report;
        double seconds;
        await using (var ticker = new ElapsedTicker(progress, terminal, $"loadtest: applying organization {spec.Name}"))
        {
            report = await client.ApplyAsync(spec).WaitAsync(cancellation);
            seconds = ticker.Elapsed.TotalSeconds;
        }
        progress.WriteLine($"loadtest: applied in {Format.Seconds(seconds)} ({Format.Count(report.UnitsAdded.Count)} units, "
            + $"{Format.Count(report.AgentsAdded.Count)} agents added)");
        return seconds;
    }
}
