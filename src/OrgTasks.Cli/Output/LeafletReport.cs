namespace OrgTasks.Cli.Output;

/// <summary>
/// The "exact picture of this distribution" as text: coverage overall and per district, the factories least covered,
/// how fast it spread, and who is playing out of tune. <c>--json</c> gives every row; text keeps to the top ones.
/// </summary>
internal static class LeafletReport
{
    /// <summary>Rows of the factory and straggler tables in text; a city has hundreds of factories.</summary>
    private const int TopRows = 10;

    public static void Write(TextWriter output, LeafletStatus status)
    {
        output.WriteLine($"leaflet {status.LeafletId} \"{status.Title}\" issued by {status.Issuer} to {status.Scope}");
        output.WriteLine($"  issued        {Format.Time(status.IssuedAt)}");
        output.WriteLine($"  deadline      {Deadline(status)}");
        output.WriteLine($"  homes         {Format.Count(status.HomesReached)} / {Format.Count(status.HomesTotal)} reached "
            + $"({Format.Percent(status.HomesReached, status.HomesTotal)}){Completion(status)}");
        output.WriteLine($"  units         {Format.Count(status.UnitsComplete)} / {Format.Count(status.UnitsTotal)} with every route served");
        output.WriteLine($"  time to       50 %: {Format.Seconds(status.SecondsTo50)}   90 %: {Format.Seconds(status.SecondsTo90)}   "
            + $"99 %: {Format.Seconds(status.SecondsTo99)}   100 %: {Format.Seconds(status.SecondsTo100)}");
        output.WriteLine($"  duplicates    {Format.Count(status.Duplicates)}{(status.Duplicates > 0 ? "  (homes handed the leaflet twice: a fault)" : "")}");
        if (status.Closed is { } closed)
            output.WriteLine($"  closed        {Format.Time(closed.At)} by {closed.By}: {closed.Reason}; "
                + $"{Format.Count(closed.HomesNeverReached)} home(s) in {Format.Count(closed.UnitsNeverReached.Count)} unit(s) never reached");
        else if (!status.Complete && status.HomesPending > 0)
            output.WriteLine($"  pending       {Format.Count(status.HomesPending)} home(s) still to reach");

        WriteAreas(output, "districts", "DISTRICT", status.Districts, status.Districts.Count);
        WriteAreas(output, "factories", "FACTORY", status.Factories, TopRows);
        WriteStragglers(output, status.Stragglers);
    }

    private static string Deadline(LeafletStatus status) => status.Deadline switch
    {
        null => "none",
        { } at when status.DeadlinePassed => $"{Format.Time(at)}  PASSED before every home had it",
        { } at => Format.Time(at),
    };

    private static string Completion(LeafletStatus status) => status.CompletedAt is { } done
        ? $", complete after {Format.Seconds((done - status.IssuedAt).TotalSeconds)}"
        : status.Closed is not null ? ", closed before every home had it" : ", not complete";

    /// <summary>Least covered first: the rows worth a look come before the ones that are done.</summary>
    private static void WriteAreas(TextWriter output, string title, string header, IReadOnlyList<AreaCoverage> areas, int rows)
    {
        if (areas.Count == 0) return;
        output.WriteLine();
        var shown = areas
            .OrderBy(a => a.HomesTotal == 0 ? 1.0 : (double)a.HomesReached / a.HomesTotal)
            .ThenBy(a => a.Unit, StringComparer.Ordinal)
            .Take(rows)
            .ToList();
        output.WriteLine(shown.Count < areas.Count
            ? $"{title} ({shown.Count} of {Format.Count(areas.Count)}, least covered first; --json for all)"
            : title);
        var table = new Table(header, "CONTACT", "HOMES", "REACHED", "SHARE", "").AlignRight(2, 3, 4);
        foreach (var area in shown)
        {
            table.Add(area.Unit, Contact(area.Contact), Format.Count(area.HomesTotal), Format.Count(area.HomesReached),
                Format.Percent(area.HomesReached, area.HomesTotal), area.Complete ? "complete" : "in progress");
        }
        table.Write(output);
    }

    private static void WriteStragglers(TextWriter output, IReadOnlyList<Straggler> stragglers)
    {
        output.WriteLine();
        if (stragglers.Count == 0)
        {
            output.WriteLine("stragglers: none, every route is served");
            return;
        }
        output.WriteLine($"stragglers: who is playing out of tune ({Format.Count(stragglers.Count)} unit(s) with routes not yet served"
            + (stragglers.Count > TopRows ? $", first {TopRows} shown; --json for all)" : ")"));
        var table = new Table("UNIT", "KIND", "CONTACT", "HOMES", "DISTRICT", "WHY").AlignRight(3);
        foreach (var s in stragglers.Take(TopRows))
            table.Add(s.Unit, s.Kind, Contact(s.Contact), Format.Count(s.HomesTotal), s.District ?? Format.None, s.Reason ?? "at work");
        table.Write(output);
    }

    private static string Contact(string contact) => string.IsNullOrEmpty(contact) ? "(none)" : contact;
}
