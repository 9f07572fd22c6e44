using OrgTasks.Cli.Hosting;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks committee consent COMMITTEE</c>: the Central Committee consents to a new committee.</summary>
internal static class CommitteeConsentCommand
{
    public static Command Create()
    {
        var committee = new Argument<string>("COMMITTEE") { Description = "The committee consented to" };
        var json = JsonOption.Create();
        var command = new Command("consent",
            "The Central Committee consents to a committee: until then its statements to the central bodies wait, held, at the committee")
        {
            committee, json,
        };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var id = result.GetRequiredValue(committee);
            var location = await client.FindUnitAsync(id);
            if (location.Unit.Kind != UnitKind.Committee)
                throw new CliException($"'{id}' is a {location.Unit.Kind.Spelling()}, not a committee");
            var report = await client.ConsentAsync(id);
            if (result.GetValue(json)) Json.Write(result.Out(), report);
            else LifeReportText.Write(result.Out(), $"the Central Committee consented to {id}", report);
            return ExitCodes.Ok;
        });
        return command;
    }
}
