namespace OrgTasks.Cli.Output;

/// <summary>"Who plays which fiddle, and who is out of tune" as text: the out-of-tune with their reasons, then the table.</summary>
internal static class PictureText
{
    public static void Write(TextWriter output, PictureView view)
    {
        output.WriteLine($"organization {view.Organization}: the picture of {view.Root} over {Format.Count(view.Leaflets.Count)} recent leaflet(s), "
            + $"at {Format.Time(view.At)}");
        var outOfTune = view.Units.Where(u => u.OutOfTune.Count > 0).ToList();
        output.WriteLine(outOfTune.Count == 0
            ? "  nobody is out of tune"
            : $"  out of tune ({Format.Count(outOfTune.Count)}), worst first:");
        foreach (var unit in outOfTune)
            output.WriteLine($"    {unit.Unit} ({unit.Kind}, contact {Or(unit.Contact)}): {string.Join("; ", unit.OutOfTune)}");
        foreach (var unit in view.Units.Where(u => u.Functions.Count > 0))
            output.WriteLine($"  functions in {unit.Unit}: {string.Join(", ", unit.Functions)}");

        var table = new Table("UNIT", "KIND", "CONTACT", "MEMBERS", "LAST REPORT (UTC)", "COVERAGE", "MEDIAN", "HELD", "BREACHES")
            .AlignRight(3, 5, 6, 7, 8);
        foreach (var u in view.Units)
        {
            table.Add(u.Unit, u.Kind, Or(u.Contact), Format.Count(u.Members),
                u.LastReport is { } r ? Format.Time(r.WrittenAt) + (u.ReportOverdue ? " (overdue)" : "") : u.ReportOverdue ? "none (overdue)" : Format.None,
                Format.Percent(u.HomesReached, u.HomesTotal), Format.Seconds(u.MedianSeconds),
                Format.Count(u.StatementsHeld), Format.Count(u.Breaches));
        }
        table.Write(output);
    }

    private static string Or(string text) => text.Length > 0 ? text : "(none)";
}
