using System.CommandLine.Help;

namespace OrgTasks.Cli.Hosting;

/// <summary>How every command runs: parse, report usage errors briefly, invoke, map failures to exit codes.</summary>
internal static class CliRunner
{
    /// <summary>
    /// Long enough for a silo to stop gracefully after Ctrl+C or SIGTERM (deactivate grains, leave the cluster);
    /// System.CommandLine's default of 2 s would cut that short.
    /// </summary>
    private static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(this RootCommand root, string[] args)
    {
        var parsed = root.Parse(args);
        var stderr = Console.Error;
        if (parsed.Errors.Count > 0)
        {
            // One line per problem, in the same `orgtasks: message` shape as every other user error.
            foreach (var error in parsed.Errors) stderr.WriteLine(ErrorReporter.Prefix + error.Message);
            stderr.WriteLine($"run '{CommandPath(parsed)} --help' for usage");
            return ExitCodes.UserError;
        }

        var configuration = new InvocationConfiguration
        {
            EnableDefaultExceptionHandler = false, // ErrorReporter decides what is worth a stack trace
            ProcessTerminationTimeout = StopGracePeriod,
        };
        try
        {
            return await parsed.InvokeAsync(configuration);
        }
        catch (Exception error)
        {
            return ErrorReporter.Report(error, stderr);
        }
    }

    /// <summary>Adds a command that only groups others (<c>org</c>, <c>statement</c>, <c>leaflet</c>); alone it shows its help.</summary>
    public static void AddGroup(this Command parent, string name, string description, params Command[] commands)
    {
        var group = new Command(name, description);
        foreach (var command in commands) group.Add(command);
        group.ShowHelpWhenCalledAlone();
        parent.Add(group);
    }

    /// <summary>Typing a group (or nothing at all) prints what it offers instead of a terse "command required" error.</summary>
    public static void ShowHelpWhenCalledAlone(this Command command) =>
        command.SetAction(result =>
        {
            new HelpAction().Invoke(result);
            return ExitCodes.UserError;
        });

    private static string CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var at = parsed.CommandResult; at is not null; at = at.Parent as System.CommandLine.Parsing.CommandResult)
            names.Add(at.Command is RootCommand ? "orgtasks" : at.Command.Name);
        names.Reverse();
        return string.Join(' ', names);
    }
}
