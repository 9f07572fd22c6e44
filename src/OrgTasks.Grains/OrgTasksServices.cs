using Microsoft.Extensions.Options;
using OrgTasks.Grains.Durability;

namespace OrgTasks.Grains;

/// <summary>What every OrgTasks grain needs from the silo, in one parameter: the journals, the options, the clock.</summary>
public sealed class OrgTasksServices(
    IStatementJournal statements,
    ILeafletJournal leaflets,
    IDeliveryJournal deliveries,
    IOptions<OrgTasksOptions> options,
    TimeProvider clock)
{
    public IStatementJournal Statements { get; } = statements;
    public ILeafletJournal Leaflets { get; } = leaflets;
    public IDeliveryJournal Deliveries { get; } = deliveries;
    public OrgTasksOptions Options { get; } = options.Value;
    public TimeProvider Clock { get; } = clock;
}

/// <summary>The grain storage name every OrgTasks grain state uses; its provider is chosen by configuration.</summary>
public static class OrgTasksStorage
{
    public const string Name = "orgtasks";
}
