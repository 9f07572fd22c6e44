using OrgTasks.Cli.Hosting;
using OrgTasks.Cli.Life;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks committee vote PROPOSAL --member M yes|no</c>: one member's vote; the threshold decides.</summary>
internal static class CommitteeVoteCommand
{
    public static Command Create()
    {
        var proposal = new Argument<string>("PROPOSAL") { Description = "The proposal id (p0, p1 …)" };
        var vote = new Argument<string>("VOTE") { Description = "yes or no" };
        vote.AcceptOnlyFromAmong("yes", "no");
        var member = new Option<string>("--member") { Description = "The committee member voting (each votes once)", HelpName = "M", Required = true };
        var committee = CommitteeChoice.Option();
        var json = JsonOption.Create();
        var command = new Command("vote", "Vote on a proposal as a committee member; the proposal takes effect once the threshold is reached")
        {
            proposal, vote, member, committee, json,
        };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var committeeId = await CommitteeChoice.ResolveAsync(client, result.GetValue(committee));
            var voter = result.GetRequiredValue(member);
            var yes = result.GetRequiredValue(vote) == "yes";
            var after = await client.VoteAsync(committeeId, result.GetRequiredValue(proposal), voter, yes);
            if (result.GetValue(json))
            {
                Json.Write(result.Out(), after);
                return ExitCodes.Ok;
            }
            result.Out().WriteLine($"{voter} voted {(yes ? "yes" : "no")}: {ProposalText.Line(after)}");
            if (after.Outcome == ProposalOutcome.Accepted)
                result.Out().WriteLine(after.Executive
                    ? $"{after.Agent} now sits in the executive of {committeeId}"
                    : $"{after.Agent} is now a member of {committeeId} ({after.Function})");
            return ExitCodes.Ok;
        });
        return command;
    }
}
