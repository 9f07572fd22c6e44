namespace OrgTasks.Grains.Organization;

/// <summary>The committee is told that a suspect's statements are held for its review, with the warning's date.</summary>
public sealed partial class OrganizationGrain
{
    private async Task TellCommitteeOfQuarantineAsync(string suspect, DateTimeOffset warnedAt)
    {
        var effective = RequireEffective();
        var committee = effective.Units[effective.Plan.Committee];
        var notice = new Notice
        {
            // One notice per warning: a repeated warning (same date) is recognised by the committee and kept once.
            Id = $"quarantine:{suspect}:{warnedAt.ToUnixTimeMilliseconds()}",
            Kind = NoticeKind.Quarantine,
            At = warnedAt,
            About = suspect,
            Text = $"statements by {suspect} still on their way are held in quarantine for review (warning of {warnedAt:yyyy-MM-dd HH:mm:ss} UTC)",
        };
        await GrainFactory.GetUnit(committee.Unit).Notify(notice);
    }
}
