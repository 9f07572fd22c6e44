namespace OrgTasks.Cli.Output;

/// <summary>What <c>org apply</c> changed, as text: counts, and the first ids of every list.</summary>
internal static class ApplyReportText
{
    public static void Write(TextWriter output, ApplyReport report, string file, double seconds)
    {
        if (report.NothingChanged)
        {
            output.WriteLine($"nothing changed: {report.Organization} already matches {file}");
            return;
        }
        output.WriteLine($"applied {file} to organization {report.Organization} in {Format.Seconds(seconds)}");
        WriteKind(output, "units", report.UnitCount, report.UnitsAdded, report.UnitsChanged, report.UnitsRemoved);
        WriteKind(output, "agents", report.AgentCount, report.AgentsAdded, report.AgentsChanged, report.AgentsRemoved);
        output.WriteLine($"  homes   {Format.Count(report.HomeCount)}");
    }

    private static void WriteKind(TextWriter output, string kind, int total,
        IReadOnlyList<string> added, IReadOnlyList<string> changed, IReadOnlyList<string> removed)
    {
        output.WriteLine($"  {kind,-7} {Format.Count(total)} in all: {Format.Count(added.Count)} added, "
            + $"{Format.Count(changed.Count)} changed, {Format.Count(removed.Count)} removed");
        if (added.Count > 0) output.WriteLine($"    added:   {Format.Preview(added)}");
        if (changed.Count > 0) output.WriteLine($"    changed: {Format.Preview(changed)}");
        if (removed.Count > 0) output.WriteLine($"    removed: {Format.Preview(removed)}");
    }
}
