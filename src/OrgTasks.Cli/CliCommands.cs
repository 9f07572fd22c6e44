using OrgTasks.Cli.Commands;
using OrgTasks.Cli.Hosting;

namespace OrgTasks.Cli;

/// <summary>
/// The orgtasks command tree. Each command lives in its own file under Commands/; this is only the table of contents.
/// Public so that a test can walk the tree (every command that talks to a cluster has its HTTP endpoint).
/// </summary>
public static class CliCommands
{
    public static RootCommand Create()
    {
        var root = new RootCommand("OrgTasks: the organization of the \"Letter to a Comrade\" (1902) on Orleans. "
            + "Statements go up through each group's appointed contact; leaflets go down to the distributors' homes.");

        root.AddGroup("org", "The organization file: check it, apply it to a cluster, show the applied tree.",
            OrgValidateCommand.Create(), OrgApplyCommand.Create(), OrgShowCommand.Create());
        root.AddGroup("statement", "Statements going up: send one, follow its route.",
            StatementSendCommand.Create(), StatementRouteCommand.Create());
        root.Add(InboxCommand.Create());
        root.Add(BreachesCommand.Create());
        root.AddGroup("leaflet", "Leaflets going down: issue one, see the exact picture of its distribution.",
            LeafletIssueCommand.Create(), LeafletStatusCommand.Create(), LeafletCloseCommand.Create());
        root.Add(ReportsCommand.Create());
        root.Add(RoutineCommand.Create());
        root.Add(PictureCommand.Create());
        root.Add(SiloCommand.Create());
        root.Add(DemoCommand.Create());
        root.Add(DbCommand.Create());
        root.Add(CertsCommand.Create());
        // The organization's life: arrests, warnings, the committee, delegates, the centre's sealed deposits.
        root.Add(ArrestCommand.Create());
        root.Add(ReleaseCommand.Create());
        root.Add(WarnCommand.Create());
        root.Add(ClearCommand.Create());
        root.Add(CommitteeCommand.Create());
        root.Add(DelegateCommand.Create());
        root.Add(CentreCommand.Create());
        root.Add(DepositsCommand.Create());
        root.Add(ReestablishCommand.Create());
        root.Add(NoticesCommand.Create());
        root.AddGroup("group", "A group's composition and activity, as far as the reader may see.", GroupShowCommand.Create());
        root.Add(LifeCommand.Create());
        // Secrecy: who may act, proven by credentials; what officers did, in the audit trail.
        root.Add(CredentialsCommand.Create());
        root.Add(AuditCommand.Create());
        root.Add(MeetingCommand.Create());
        LoadTestCommand.AddTo(root);
        root.ShowHelpWhenCalledAlone();
        return root;
    }
}
