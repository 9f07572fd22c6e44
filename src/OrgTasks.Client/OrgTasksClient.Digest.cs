namespace OrgTasks.Client;

/// <summary>
/// "Similar groups learn from one another": the centre gathers the reports that reached it from members of groups of
/// one kind, in every committee, and sends them back down as one leaflet that only the groups of that kind deliver.
/// </summary>
public sealed partial class OrgTasksClient
{
    /// <summary>Most reports read from the centre's inbox for one digest, and the length kept of each.</summary>
    private const int DigestReports = 1_000;
    private const int DigestReportLength = 400;

    /// <summary>Issues the digest of reports from <paramref name="kind"/> groups as a leaflet from <paramref name="centre"/> to that kind of group in every committee.</summary>
    public async Task<(string LeafletId, int Reports, int Committees)> IssueCentreDigestAsync(string centre, UnitKind kind, CancellationToken cancellation = default)
    {
        var location = await FindUnitAsync(centre);
        if (!location.Unit.Kind.IsCentre()) throw new InvalidRequestException($"'{centre}' is not a central body: only the centre sends digests to similar groups");
        var reports = new List<(string Committee, string Text)>();
        foreach (var entry in (await GetInboxAsync(centre, DigestReports)).Where(e => e.Statement.Kind == StatementKind.Report).Reverse())
        {
            var author = await As(Operator, () => Grains.GetGrain<IAgentGrain>(entry.Statement.Author).GetConfig());
            if (author?.HomeUnit.Kind != kind) continue;
            reports.Add((entry.From, entry.Statement.Text));
        }
        if (reports.Count == 0)
            throw new InvalidRequestException($"no reports from {kind.Spelling()} groups have reached '{centre}': there is nothing to pass on");
        var committees = reports.Select(r => r.Committee).Distinct(StringComparer.Ordinal).Count();
        // No names: not the authors, not the committees. The groups learn what was done, not who did it.
        var text = $"What {kind.Spelling()} groups report ({reports.Count} report(s) from {committees} committee(s)):\n\n"
            + string.Join("\n\n", reports.Select((r, i) => $"{i + 1}. " + (r.Text.Length > DigestReportLength ? r.Text[..DigestReportLength] + " …" : r.Text)));
        var id = await IssueLeafletAsync(centre, $"From the centre to {kind.Spelling()} groups", text, cancellation: cancellation, forKind: kind);
        return (id, reports.Count, committees);
    }
}
