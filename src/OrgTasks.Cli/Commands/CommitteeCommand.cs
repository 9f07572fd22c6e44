using OrgTasks.Cli.Hosting;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks committee</c>: co-optation by vote, the Central Committee's consent, the committee as it stands.</summary>
internal static class CommitteeCommand
{
    public static Command Create()
    {
        var committee = new Command("committee",
            "The committee: propose and vote on co-optation and executive seats, the Central Committee's consent, members and proposals")
        {
            CommitteeProposeCommand.Create(), CommitteeVoteCommand.Create(), CommitteeConsentCommand.Create(), CommitteeShowCommand.Create(),
        };
        committee.ShowHelpWhenCalledAlone();
        return committee;
    }
}
