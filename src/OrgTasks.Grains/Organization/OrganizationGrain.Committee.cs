using OrgTasks.Grains.Identity;

namespace OrgTasks.Grains.Organization;

/// <summary>
/// Co-optation and the executive group. A proposal fixes, when it is made, how many free members may vote and how
/// many yes votes it needs (a majority: more than half; two-thirds: at least two thirds, rounded up); each member votes
/// once; it is accepted when the yes votes reach the threshold and rejected once they no longer can.
/// </summary>
public sealed partial class OrganizationGrain
{
    /// <summary>The letter's limit on the executive group.</summary>
    public const int MaxExecutive = 5;

    public async Task<Proposal> Propose(string agent, string function, bool executive)
    {
        var effective = RequireEffective();
        var caller = Callers.Require();
        var committee = effective.Units[effective.Plan.Committee];
        var voters = FreeMembers(committee);
        if (caller.Kind != ActorKind.Operator && !(caller.Kind == ActorKind.Agent && voters.Contains(caller.Id)))
            throw new AccessDeniedException($"{caller} may not make proposals to committee '{committee.Unit.Id}': only its members may");
        if (string.IsNullOrWhiteSpace(agent)) throw new InvalidRequestException("the proposal names no agent");
        RequireNotLost(agent);
        function = (function ?? "").Trim();
        if (executive)
        {
            if (!committee.Members.Contains(agent))
                throw new InvalidRequestException($"'{agent}' is not a member of committee '{committee.Unit.Id}': co-opt them first");
            if (committee.Executive.Contains(agent))
                throw new InvalidRequestException($"'{agent}' already sits in the executive of '{committee.Unit.Id}'");
            RequireExecutiveSeat(committee, life.State.Proposals.Count(p => p.Executive && p.Outcome == ProposalOutcome.Open));
        }
        else
        {
            if (function.Length == 0) throw new InvalidRequestException("a co-opted member needs a function (--function)");
            if (committee.Members.Contains(agent))
                throw new InvalidRequestException($"'{agent}' is already a member of committee '{committee.Unit.Id}'");
            if (effective.Agents.TryGetValue(agent, out var known) && known.Units.Count > 0
                && known.Units.All(u => effective.Units.TryGetValue(u.Id, out var g) && g.Affiliation != Affiliation.Member))
                throw new InvalidRequestException($"'{agent}' belongs only to associated or unaware groups, which are not members of the organization");
        }
        if (life.State.Proposals.Any(p => p.Outcome == ProposalOutcome.Open && p.Agent == agent && p.Executive == executive))
            throw new InvalidRequestException($"a proposal about '{agent}' is already before the committee");
        if (voters.Count == 0) throw new InvalidRequestException($"committee '{committee.Unit.Id}' has no free member left to vote");

        var proposal = new Proposal
        {
            Id = $"p{life.State.NextProposal}",
            Agent = agent,
            Function = executive ? "" : function,
            Executive = executive,
            ProposedAt = services.Clock.GetUtcNow(),
            Voters = voters.Count,
            Needed = Threshold(committee.Cooptation, voters.Count),
        };
        life.State.NextProposal++;
        life.State.Proposals.Add(proposal);
        await life.WriteStateAsync();
        await services.Audit.RecordAsync("propose", proposal.Id,
            executive ? $"{agent} for the executive of {committee.Unit.Id}" : $"co-opt {agent} as {function} into {committee.Unit.Id}");
        return proposal;
    }

    public async Task<Proposal> Vote(string proposalId, string member, bool yes)
    {
        var effective = RequireEffective();
        var caller = Callers.Require();
        var committee = effective.Units[effective.Plan.Committee];
        if (caller.Kind != ActorKind.Operator && !caller.IsAgent(member))
            throw new AccessDeniedException($"{caller} may not vote as '{member}'");
        var at = life.State.Proposals.FindIndex(p => p.Id == proposalId);
        if (at < 0) throw new NotFoundException($"committee '{committee.Unit.Id}' has no proposal '{proposalId}'");
        var proposal = life.State.Proposals[at];
        if (proposal.Outcome != ProposalOutcome.Open)
            throw new InvalidRequestException($"proposal '{proposalId}' is already {proposal.Outcome.ToString().ToLowerInvariant()}");
        if (!FreeMembers(committee).Contains(member))
            throw new AccessDeniedException($"'{member}' is not a free member of committee '{committee.Unit.Id}' and may not vote");
        if (proposal.Votes.ContainsKey(member))
            throw new InvalidRequestException($"'{member}' has already voted on proposal '{proposalId}'");

        var votes = new Dictionary<string, bool>(proposal.Votes, StringComparer.Ordinal) { [member] = yes };
        var ayes = votes.Values.Count(v => v);
        var noes = votes.Count - ayes;
        var outcome = ayes >= proposal.Needed ? ProposalOutcome.Accepted
            : noes > proposal.Voters - proposal.Needed ? ProposalOutcome.Rejected
            : ProposalOutcome.Open;
        if (outcome == ProposalOutcome.Accepted && proposal.Executive) RequireExecutiveSeat(committee, 0);
        proposal = proposal with { Votes = votes, Outcome = outcome };
        life.State.Proposals[at] = proposal;
        if (outcome != ProposalOutcome.Accepted)
        {
            await life.WriteStateAsync();
            await services.Audit.RecordAsync("vote", proposalId, $"{member} voted {(yes ? "yes" : "no")}; {proposal.Outcome.ToString().ToLowerInvariant()}");
            return proposal;
        }
        await services.Audit.RecordAsync("vote", proposalId, $"{member} voted {(yes ? "yes" : "no")}; accepted");

        await ChangeAsync(proposal.Executive ? "seated in the executive" : "co-opted", proposal.Agent, l =>
        {
            if (proposal.Executive) l.ExecutiveAdded.Add(proposal.Agent);
            else l.CoOpted.Add(new CoOptedMember(proposal.Agent, proposal.Function));
            return true;
        });
        var notice = new Notice
        {
            Id = $"proposal:{proposal.Id}",
            Kind = NoticeKind.Committee,
            At = services.Clock.GetUtcNow(),
            About = proposal.Agent,
            Text = proposal.Executive ? $"{proposal.Agent} takes a seat in the executive" : $"{proposal.Agent} is co-opted as {proposal.Function}",
        };
        await GrainFactory.GetUnit(committee.Unit).Notify(notice);
        return proposal;
    }

    /// <summary>Yes votes needed out of <paramref name="voters"/>.</summary>
    public static int Threshold(string cooptation, int voters) => cooptation == "majority"
        ? voters / 2 + 1
        : (2 * voters + 2) / 3;

    private static void RequireExecutiveSeat(UnitConfig committee, int pending)
    {
        if (committee.Executive.Count + pending >= MaxExecutive)
            throw new InvalidRequestException(
                $"the executive of '{committee.Unit.Id}' has {committee.Executive.Count} member(s)"
                + (pending > 0 ? $" and {pending} proposed" : "") + $": at most {MaxExecutive} are allowed");
    }

    private static List<string> FreeMembers(UnitConfig committee) =>
        committee.Members.Where(m => Officers.IsFreeMember(committee, m)).ToList();
}
