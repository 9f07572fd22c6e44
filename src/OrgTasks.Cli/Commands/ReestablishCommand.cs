using OrgTasks.Cli.Deposits;
using OrgTasks.Cli.Hosting;

namespace OrgTasks.Cli.Commands;

/// <summary>
/// <c>orgtasks reestablish GROUP --delegate AGENT --key FILE</c>: the Central Committee's delegate reconstitutes a group
/// lost to arrests from its latest deposit. The deposit is opened here; the private key never goes to the cluster.
/// </summary>
internal static class ReestablishCommand
{
    public static Command Create()
    {
        var group = new Argument<string>("GROUP") { Description = "The group lost to arrests" };
        var delegateAgent = new Option<string>("--delegate") { Description = "The Central Committee's delegate, who becomes the group's contact", HelpName = "AGENT", Required = true };
        var key = new Option<string>("--key") { Description = "The centre's private key (PEM), e.g. DIR/centre.key", HelpName = "FILE", Required = true };
        var json = JsonOption.Create();
        var command = new Command("reestablish",
            "Re-establish a group lost to arrests from its latest sealed deposit, with the delegate as its new contact: its leaflets and statements flow again")
        {
            group, delegateAgent, key, json,
        };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var groupId = result.GetRequiredValue(group);
            var envoy = result.GetRequiredValue(delegateAgent);
            var deposit = await DepositOpening.FetchAsync(client, groupId);
            var contents = DepositOpening.Open(deposit, result.GetRequiredValue(key));
            var report = await client.ReestablishAsync(groupId, envoy, contents);
            if (result.GetValue(json)) Json.Write(result.Out(), report);
            else LifeReportText.Write(result.Out(),
                $"re-established {groupId} from its deposit v{contents.Version} ({Format.Count(contents.Members.Count)} member(s)) with contact {envoy}", report);
            return ExitCodes.Ok;
        });
        return command;
    }
}
