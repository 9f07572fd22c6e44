using OrgTasks.Client.Connection;
using OrgTasks.Organization;

namespace OrgTasks.LoadTest;

/// <summary>Applies the load test's city (not timed as part of any figure; the time is shown).</summary>
internal static class LoadTestApply
{
    /// <summary>
    /// The first attempt's limit (doubled on each retry): far above a warm apply of a 100,000-home city, which mostly
    /// finds nothing to change, so only an apply lost with a silo that died under it is given up and sent again.
    /// </summary>
    private static readonly TimeSpan AttemptLimit = TimeSpan.FromSeconds(30);

    /// <summary>Enough for a few attempts of the limit above while a killed silo is declared dead and the rest take over.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(3);

    public static async Task<double> ApplyAsync(OrgTasksClient client, OrganizationSpec spec, TextWriter progress, bool terminal,
        CancellationToken cancellation)
    {
        ApplyReport report;
        double seconds;
        // In process the silo's first apply also compiles the code it runs for the first time: shown apart, since a
        // silo that has run before pays it once, not per apply.
        var jitBefore = ProcessFigures.JitTime();
        await using (var ticker = new ElapsedTicker(progress, terminal, $"loadtest: applying organization {spec.Name}"))
        {
            // Applying a plan is idempotent (a repeat finds it applied and changes nothing), so a silo that dies under
            // the apply (a chaos soak kills one every 30 s) costs a retry, not the whole run.
            report = await Transient.RetryAsync(() => client.ApplyAsync(spec), Budget, AttemptLimit, cancellation);
            seconds = ticker.Elapsed.TotalSeconds;
        }
        progress.WriteLine($"loadtest: applied in {Format.Seconds(seconds)} ({Format.Count(report.UnitsAdded.Count)} units, "
            + $"{Format.Count(report.AgentsAdded.Count)} agents added; {Format.Seconds((ProcessFigures.JitTime() - jitBefore).TotalSeconds)} spent compiling code, "
            + "summed over threads)");
        return seconds;
    }
}
