namespace OrgTasks.Cli.Output;

/// <summary>How a proposal before the committee reads: what it proposes, the votes so far, the threshold, the outcome.</summary>
internal static class ProposalText
{
    public static string What(Proposal proposal) =>
        proposal.Executive ? $"seat {proposal.Agent} in the executive" : $"co-opt {proposal.Agent} as {proposal.Function}";

    public static string Outcome(Proposal proposal) => proposal.Outcome.ToString().ToLowerInvariant();

    public static int Yes(Proposal proposal) => proposal.Votes.Values.Count(v => v);

    public static int No(Proposal proposal) => proposal.Votes.Values.Count(v => !v);

    /// <summary><c>p0: co-opt misha as finance — 2 yes, 0 no of 6 voters; 4 yes needed; open</c></summary>
    public static string Line(Proposal proposal) =>
        $"{proposal.Id}: {What(proposal)} — {Yes(proposal)} yes, {No(proposal)} no of {proposal.Voters} voter(s); "
        + $"{proposal.Needed} yes needed; {Outcome(proposal)}";

    public static string Votes(Proposal proposal) => proposal.Votes.Count == 0
        ? Format.None
        : string.Join(", ", proposal.Votes.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key} {(v.Value ? "yes" : "no")}"));
}
