namespace OrgTasks.Client;

public sealed partial class OrgTasksClient
{
    /// <summary>
    /// A unit's effective configuration as its grain holds it (the file with the organization's life applied): for a
    /// committee, its members with their functions, the executive and the candidates.
    /// </summary>
    public async Task<UnitConfig> GetUnitConfigAsync(string unit)
    {
        var location = await FindUnitAsync(unit);
        return await As(Operator, () => Grains.GetUnit(location.Unit).GetConfig())
            ?? throw new NotFoundException($"unit '{unit}' has no configuration yet; apply the organization file again");
    }
}
