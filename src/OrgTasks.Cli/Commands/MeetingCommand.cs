using OrgTasks.Cli.Hosting;
using OrgTasks.Cli.Life;
using OrgTasks.Meetings;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks meeting plan|answer|show</c>: big meetings arranged secretly by the committee.</summary>
internal static class MeetingCommand
{
    public static Command Create()
    {
        var command = new Command("meeting", "Secret meetings: the committee invites units; each answers how many will come; attendees see only their own invitation");
        command.Subcommands.Add(Plan());
        command.Subcommands.Add(Answer());
        command.Subcommands.Add(Show());
        return command;
    }

    private static Command Plan()
    {
        var from = new Option<string>("--from") { Description = "The committee arranging it", HelpName = "COMMITTEE", Required = true };
        var at = new Option<string>("--at") { Description = "When, as an ISO 8601 time (2026-12-06T19:00Z)", HelpName = "TIME", Required = true };
        var place = new Option<string>("--place") { Description = "Where", HelpName = "TEXT", Required = true };
        var invite = new Option<string[]>("--invite") { Description = "The units invited", HelpName = "UNIT", Required = true, AllowMultipleArgumentsPerToken = true };
        var by = new Option<string?>("--as") { Description = "Arrange as this committee member (an officer); the operator when left out", HelpName = "AGENT" };
        var json = JsonOption.Create();
        var command = new Command("plan", "Arrange a secret meeting: each invited unit's contact gets an invitation; prints its id on the last line")
        {
            from, at, place, invite, by, json,
        };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var text = result.GetRequiredValue(at);
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var when))
                throw new CliException($"--at: '{text}' is not a time; write it as 2026-12-06T19:00Z");
            var view = await client.PlanMeetingAsync(result.GetRequiredValue(from), when, result.GetRequiredValue(place),
                result.GetRequiredValue(invite), result.Reader(by));
            Write(result, view);
            if (!result.GetValue(json)) result.Out().WriteLine(view.Id);
            return ExitCodes.Ok;
        });
        return command;

        void Write(ParseResult result, MeetingView view)
        {
            if (result.GetValue(json)) Json.Write(result.Out(), view);
            else MeetingText.Write(result.Out(), view);
        }
    }

    private static Command Answer()
    {
        var id = new Argument<string>("ID") { Description = "The meeting id" };
        var unit = new Option<string>("--unit") { Description = "The invited unit answering", HelpName = "UNIT", Required = true };
        var coming = new Option<int>("--coming") { Description = "How many of the unit will come", HelpName = "N", Required = true };
        var by = new Option<string?>("--as") { Description = "Answer as this agent (the unit's contact); the operator when left out", HelpName = "AGENT" };
        var json = JsonOption.Create();
        var command = new Command("answer", "Answer an invitation for a unit: how many will come (its contact only)") { id, unit, coming, by, json };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var view = await client.AnswerMeetingAsync(result.GetRequiredValue(id), result.GetRequiredValue(unit), result.GetValue(coming), result.Reader(by));
            if (result.GetValue(json)) Json.Write(result.Out(), view);
            else MeetingText.Write(result.Out(), view);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("ID") { Description = "The meeting id" };
        var reader = AsOption.Create();
        var json = JsonOption.Create();
        var command = new Command("show", "Show a meeting: the counts per unit for the committee; only its own invitation for an attendee") { id, reader, json };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var view = await client.ShowMeetingAsync(result.GetRequiredValue(id), result.Reader(reader));
            if (result.GetValue(json)) Json.Write(result.Out(), view);
            else MeetingText.Write(result.Out(), view);
            return ExitCodes.Ok;
        });
        return command;
    }
}
