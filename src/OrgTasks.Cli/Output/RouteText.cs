namespace OrgTasks.Cli.Output;

/// <summary>A statement's route as text: one row per hop, then where it is now, then the breach if there is one.</summary>
internal static class RouteText
{
    public static void Write(TextWriter output, StatementRoute route)
    {
        var to = route.To is { } addressee ? Format.Spelling(addressee) : "?";
        var first = route.Hops.Count > 0 ? $", written {Format.Time(route.Hops[0].AcceptedAt)}" : "";
        output.WriteLine($"statement {route.StatementId} from {route.Author ?? "?"} to the {to}{first}");

        var table = new Table("HOLDER", "ROLE", "UNIT", "CONTACT", "ACCEPTED (UTC)", "PASSED ON");
        foreach (var hop in route.Hops)
        {
            table.Add(hop.Holder, hop.Role.ToString().ToLowerInvariant(), hop.Unit, hop.Contact ?? Format.None,
                Format.TimeOfDay(hop.AcceptedAt), PassedOn(hop));
        }
        table.Write(output);

        output.WriteLine(route.Delivered
            ? $"delivered: in the inbox of {route.Where}"
            : $"not delivered yet: now held at {route.Where ?? "(nowhere recorded)"}");
        if (route.Quarantine is { } mark) output.WriteLine(QuarantineLine(mark));
        if (route.Breach is { } breach) output.WriteLine(BreachLine(breach));
    }

    /// <summary>Why it waits: the author is under a warning; it travels on once the warning is lifted.</summary>
    public static string QuarantineLine(QuarantineMark mark) =>
        $"quarantined: held at {mark.HeldBy} since {Format.Time(mark.HeldSince)}; "
        + $"its author is under a warning of {(mark.WarnedAt is { } at ? Format.Time(at) : "(date not recorded)")}, for review";

    /// <summary>The one line that must not go unnoticed.</summary>
    public static string BreachLine(Breach breach) =>
        $"BREACH: held at {breach.Holder} (unit {breach.Unit}) for {Format.Duration(breach.HeldFor)} since {Format.Time(breach.HeldSince)}; "
        + $"contact answerable: {breach.Contact}"
        + (breach.LastError is { Length: > 0 } error ? $"; last error: {error}" : "");

    private static string PassedOn(StatementHop hop) => hop switch
    {
        { Role: HopRole.Inbox } => "(end of the way)",
        { PassedAt: { } at } => $"+{Format.Seconds((at - hop.AcceptedAt).TotalSeconds)} → {hop.PassedTo ?? "?"}",
        _ => "held here",
    };
}
