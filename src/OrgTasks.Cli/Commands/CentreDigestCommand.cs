using OrgTasks.Cli.Hosting;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks centre digest --from CENTRE --kind KIND</c>: reports from one kind of group go back down to that kind in every committee.</summary>
internal static class CentreDigestCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The central body sending it (Central Committee or Central Organ)", HelpName = "CENTRE", Required = true };
        var kind = new Option<string>("--kind") { Description = "The kind of group (reading, distribution, …)", HelpName = "KIND", Required = true };
        var command = new Command("digest", "Send the reports that reached the centre from one kind of group back down, as a leaflet, to the groups of that kind in every committee")
        {
            from, kind,
        };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var spelled = result.GetRequiredValue(kind);
            var parsed = Enum.GetValues<UnitKind>().Where(k => k.IsGroup()).FirstOrDefault(k => k.Spelling() == spelled);
            if (parsed.Spelling() != spelled)
                throw new CliException($"--kind: '{spelled}' is not a kind of group; one of {string.Join(", ", Enum.GetValues<UnitKind>().Where(k => k.IsGroup()).Select(k => k.Spelling()))}");
            var (id, reports, committees) = await client.IssueCentreDigestAsync(result.GetRequiredValue(from), parsed, cancellation);
            result.Out().WriteLine($"digest of {reports} report(s) from {spelled} groups of {committees} committee(s) sent to every {spelled} group; "
                + $"see `orgtasks leaflet status {id}`");
            result.Out().WriteLine(id);
            return ExitCodes.Ok;
        });
        return command;
    }
}
