namespace OrgTasks.Cli.Output;

/// <summary>The routine's reports and alarms as text.</summary>
internal static class RoutineText
{
    public static void Write(TextWriter output, ReportsView view)
    {
        output.WriteLine($"organization {view.Organization} (committee {view.Committee}): a report every {Format.Duration(view.ReportsEvery)}, "
            + $"due within {Format.Duration(view.ReportWithin)}; {Format.Count(view.Groups.Count)} group(s), "
            + $"{Format.Count(view.Received)} reported, {Format.Count(view.Overdue)} overdue at {Format.Time(view.At)}");
        if (view.Groups.Count == 0) return;
        var table = new Table("GROUP", "KIND", "CONTACT", "DUE BY (UTC)", "LAST WRITTEN (UTC)", "ARRIVED (UTC)", "OVERDUE BY");
        foreach (var g in view.Groups)
        {
            table.Add(g.Unit, g.Kind, Or(g.Contact), Format.Time(g.DueBy),
                g.LastReceived is { } r ? Format.Time(r.WrittenAt) : Format.None,
                g.LastReceived is { } a ? Format.Time(a.ArrivedAt) : Format.None,
                g.Overdue ? Format.Duration(g.OverdueBy) : Format.None);
        }
        table.Write(output);
    }

    public static void Write(TextWriter output, RoutineView view)
    {
        var s = view.Schedule;
        output.WriteLine($"organization {view.Organization} (committee {view.Committee}): routine since {Format.Time(view.Since)}, now {Format.Time(view.At)}");
        output.WriteLine($"  schedule: {s.DistributionsPerMonth} distribution(s) a month (every {Format.Duration(s.DistributionEvery)}), "
            + $"a report every {Format.Duration(s.ReportsEvery)} due within {Format.Duration(s.ReportWithin)}, idle alarm after {Format.Duration(s.IdleAfter)}");
        output.WriteLine($"  routine distributions issued: {Format.Count(view.RoutineDistributions)}; next at {Format.Time(view.NextDistributionAt)}");
        output.WriteLine($"  reports overdue: {Format.Count(view.ReportsOverdue)} (see `orgtasks reports`)");
        if (view.Idle.Count == 0)
        {
            output.WriteLine($"  idle alarm: none of {Format.Count(view.AreasWatched)} district(s) and factories is idle");
        }
        else
        {
            output.WriteLine($"  IDLE ALARM: {Format.Count(view.Idle.Count)} of {Format.Count(view.AreasWatched)} district(s) and factories "
                + $"without a complete distribution for more than {Format.Duration(s.IdleAfter)}");
            var idle = new Table("UNIT", "KIND", "CONTACT", "LAST DISTRIBUTION (UTC)", "IDLE FOR");
            foreach (var a in view.Idle)
                idle.Add(a.Unit, a.Kind, Or(a.Contact), a.LastDistribution is { } at ? Format.Time(at) : "never", Format.Duration(a.IdleFor));
            idle.Write(output, "    ");
        }
        if (view.Leaflets.Count == 0) return;
        output.WriteLine("  recent leaflets of the committee:");
        var leaflets = new Table("LEAFLET", "SCOPE", "ISSUED (UTC)", "ROUTINE", "COMPLETE");
        foreach (var l in view.Leaflets)
            leaflets.Add(l.LeafletId, l.Scope, Format.Time(l.IssuedAt), l.Routine ? "yes" : "no", l.Settled ? "yes" : "not yet");
        leaflets.Write(output, "    ");
    }

    private static string Or(string text) => text.Length > 0 ? text : "(none)";
}
