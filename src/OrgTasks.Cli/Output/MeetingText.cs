using OrgTasks.Meetings;

namespace OrgTasks.Cli.Output;

/// <summary>A meeting as text: the committee's table of units, contacts and counts, or an attendee's own invitation.</summary>
internal static class MeetingText
{
    public static void Write(TextWriter output, MeetingView view)
    {
        output.WriteLine($"meeting {view.Id}: {view.Place} at {Format.Time(view.At)}");
        if (!view.Whole)
        {
            foreach (var invitation in view.Invitations)
                output.WriteLine($"  your invitation: {invitation.Unit}, {(invitation.Coming is { } n ? $"{n} coming" : "not answered yet")}");
            return;
        }
        output.WriteLine($"  arranged by {view.Committee}; {Format.Count(view.Coming ?? 0)} coming from {Format.Count(view.Invitations.Count(i => i.Coming is not null))} "
            + $"of {Format.Count(view.Invitations.Count)} unit(s) that answered");
        var table = new Table("UNIT", "CONTACT", "COMING", "ANSWERED (UTC)").AlignRight(2);
        foreach (var i in view.Invitations)
            table.Add(i.Unit, i.Contact is { Length: > 0 } c ? c : "(none)", i.Coming is { } n ? Format.Count(n) : "—", i.AnsweredAt is { } at ? Format.Time(at) : "—");
        table.Write(output);
    }
}
