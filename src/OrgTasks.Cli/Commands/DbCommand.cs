using OrgTasks.Cli.Hosting;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks db</c>: the PostgreSQL under the silo, managed or external.</summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var db = new Command("db",
            "The PostgreSQL under the silo: start, stop and inspect the managed private server; bring a database's schema up to date")
        {
            DbStartCommand.Create(), DbStopCommand.Create(), DbStatusCommand.Create(), DbInitCommand.Create(),
        };
        db.ShowHelpWhenCalledAlone();
        return db;
    }
}
