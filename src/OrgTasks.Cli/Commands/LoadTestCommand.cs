using OrgTasks.Cli.Hosting;
using OrgTasks.LoadTest.Commands;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks loadtest</c>: the commands that prove the claims with figures anyone can reproduce.</summary>
internal static class LoadTestCommand
{
    public static void AddTo(RootCommand root) =>
        root.AddGroup("loadtest",
            "Load tests: mobilize a city against baselines in the same run, statements under load, the scale curve",
            LoadTestMobilizeCommand.Create(), LoadTestStatementsCommand.Create(), LoadTestScaleCommand.Create());
}
