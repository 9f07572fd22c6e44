using OrgTasks.Cli;
using OrgTasks.Cli.Hosting;

// The orgtasks command line: the command tree is in CliCommands.cs, each command in its own file under Commands/.
return await CliCommands.Create().RunAsync(args);
