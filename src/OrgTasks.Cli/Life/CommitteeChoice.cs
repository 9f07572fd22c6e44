namespace OrgTasks.Cli.Life;

/// <summary>
/// Which committee a <c>committee</c> command is about: the one named with <c>--committee</c>, or, when the cluster
/// holds exactly one organization, its committee. Guessing among several would vote in the wrong place.
/// </summary>
internal static class CommitteeChoice
{
    public static Option<string?> Option() => new("--committee")
    {
        Description = "The committee (by its unit id); may be left out when the cluster holds one organization",
        HelpName = "ID",
    };

    public static async Task<string> ResolveAsync(OrgTasksClient client, string? named)
    {
        if (!string.IsNullOrWhiteSpace(named))
        {
            var location = await client.FindUnitAsync(named);
            if (location.Unit.Kind != UnitKind.Committee)
                throw new CliException($"--committee: '{named}' is a {location.Unit.Kind.Spelling()}, not a committee");
            return named;
        }
        var organizations = await client.ListOrganizationsAsync();
        return organizations.Count switch
        {
            0 => throw new CliException("no organization has been applied to this cluster; run `orgtasks org apply FILE` first"),
            1 => organizations.Values.Single(),
            _ => throw new CliException($"the cluster holds {organizations.Count} organizations; name the committee with --committee: "
                + string.Join(", ", organizations.OrderBy(o => o.Value, StringComparer.Ordinal).Select(o => $"{o.Value} ({o.Key})"))),
        };
    }
}
