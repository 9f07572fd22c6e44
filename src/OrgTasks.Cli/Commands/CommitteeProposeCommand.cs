using OrgTasks.Cli.Hosting;
using OrgTasks.Cli.Life;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks committee propose AGENT --function F [--executive]</c>: a proposal the members then vote on.</summary>
internal static class CommitteeProposeCommand
{
    public static Command Create()
    {
        var agent = new Argument<string>("AGENT") { Description = "The agent to co-opt, or the member to seat in the executive" };
        var function = new Option<string?>("--function") { Description = "The function the new member takes (secretary, printing, transport …)", HelpName = "F" };
        var executive = new Option<bool>("--executive") { Description = "Propose a seat in the executive group (at most five) for a member" };
        var committee = CommitteeChoice.Option();
        var json = JsonOption.Create();
        var command = new Command("propose", "Propose to co-opt an agent with a function, or to seat a member in the executive; prints the proposal id alone on the last line")
        {
            agent, function, executive, committee, json,
        };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var seat = result.GetValue(executive);
            var role = result.GetValue(function)?.Trim() ?? "";
            if (!seat && role.Length == 0) throw new CliException("--function: co-opting a member needs the function the member takes");
            var committeeId = await CommitteeChoice.ResolveAsync(client, result.GetValue(committee));
            var proposal = await client.ProposeAsync(committeeId, result.GetRequiredValue(agent), role, seat);
            if (result.GetValue(json))
            {
                Json.Write(result.Out(), proposal);
                return ExitCodes.Ok;
            }
            result.Out().WriteLine($"proposed to committee {committeeId}: {ProposalText.Line(proposal)}; "
                + $"vote with `orgtasks committee vote {proposal.Id} --member M yes|no`");
            result.Out().WriteLine(proposal.Id);
            return ExitCodes.Ok;
        });
        return command;
    }
}
