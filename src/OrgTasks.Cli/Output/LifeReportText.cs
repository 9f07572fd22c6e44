namespace OrgTasks.Cli.Output;

/// <summary>How one event of the organization's life reads: what it changed, and which groups are cut off after it.</summary>
internal static class LifeReportText
{
    public static void Write(TextWriter output, string headline, LifeReport report)
    {
        if (report.NothingChanged)
        {
            output.WriteLine($"{headline}: nothing changed");
        }
        else
        {
            // A release or a clearing undoes changes: the report then lists none, only who was sent a configuration.
            var changes = report.Changes.Count > 0 ? $"{Format.Count(report.Changes.Count)} change(s), " : "";
            output.WriteLine($"{headline}: {changes}{Format.Count(report.Reconfigured)} unit(s) and agent(s) sent their new configuration");
            foreach (var change in report.Changes) output.WriteLine("  " + change);
        }
        output.WriteLine(report.CutOff.Count == 0
            ? "cut off: none"
            : $"cut off: {Format.Preview(report.CutOff)} (nobody left to take over; the committee and the Central Committee are told)");
    }
}
