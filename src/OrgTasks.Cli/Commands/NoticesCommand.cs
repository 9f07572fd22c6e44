using OrgTasks.Cli.Hosting;
using OrgTasks.Cli.Life;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks notices UNIT [--as AGENT]</c>: what a unit was told (cut-off groups, warnings, alarms), newest first.</summary>
internal static class NoticesCommand
{
    public static Command Create()
    {
        var unit = new Argument<string>("UNIT") { Description = "The unit whose notices to read" };
        var reader = AsOption.Create();
        var limit = new Option<int>("--limit") { Description = "Show at most this many", HelpName = "N", DefaultValueFactory = _ => 50 };
        var json = JsonOption.Create();
        var command = new Command("notices", "List what a unit was told: groups cut off or re-established, provocateur warnings, committee news; newest first")
        {
            unit, reader, limit, json,
        };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var count = result.GetValue(limit);
            if (count < 1) throw new CliException("--limit: must be at least 1");
            var unitId = result.GetRequiredValue(unit);
            var notices = await client.GetNoticesAsync(unitId, result.Reader(reader), count);
            if (result.GetValue(json))
            {
                Json.Write(result.Out(), notices);
                return ExitCodes.Ok;
            }
            var output = result.Out();
            if (notices.Count == 0)
            {
                output.WriteLine($"notices of {unitId}: none");
                return ExitCodes.Ok;
            }
            output.WriteLine($"notices of {unitId}: {Format.Count(notices.Count)}, newest first");
            var table = new Table("AT (UTC)", "KIND", "ABOUT", "TEXT");
            foreach (var notice in notices)
                table.Add(Format.Time(notice.At), Spelling(notice.Kind), notice.About, Format.Clip(notice.Text, 80));
            table.Write(output);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Spelling(NoticeKind kind) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());
}
