using OrgTasks.Cli.Hosting;
using OrgTasks.Cli.OrgFiles;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks org apply FILE</c>: makes the cluster match an organization file and says what changed.</summary>
internal static class OrgApplyCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The organization file (YAML)" };
        var json = JsonOption.Create();
        var command = new Command("apply", "Validate an organization file, then make the cluster match it; applying it again changes nothing")
        {
            file, json,
        };
        var cluster = new ClientOptions();
        cluster.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            // Validated before connecting: an invalid file never reaches the cluster, even partly.
            var checkedFile = CheckedOrgFile.Load(result.GetRequiredValue(file));
            var spec = checkedFile.RequireValid(result.Err(), "nothing was applied");
            await using var connection = await cluster.ConnectAsync(result, cancellation);
            ApplyReport report;
            double seconds;
            await using (var ticker = new ElapsedTicker(result.Err(), result.ErrIsTerminal(), $"applying {CheckedOrgFile.Describe(spec)}"))
            {
                report = await connection.Client.ApplyAsync(spec).WaitAsync(cancellation); // the call itself takes no token
                seconds = ticker.Elapsed.TotalSeconds;
            }

            if (result.GetValue(json))
            {
                var output = Json.ToObject(report);
                output["file"] = checkedFile.Path;
                output["applySeconds"] = seconds;
                Json.Write(result.Out(), output);
            }
            else
            {
                ApplyReportText.Write(result.Out(), report, checkedFile.Path, seconds);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
