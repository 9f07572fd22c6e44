namespace OrgTasks.Grains.Units;

/// <summary>
/// A unit's persistent state: its configuration (from the organization file and its life), what it was told, and the
/// former contacts whose held statements it still has to take back. All of it changes rarely. The hot path
/// (statements held, leaflets passing) is in the journals, not here, so it can be written in bulk.
/// </summary>
[GenerateSerializer, Alias("orgtasks.unit-state.v1")]
public sealed class UnitState
{
    [Id(0)] public UnitConfig? Config { get; set; }
    /// <summary>Newest last; at most <see cref="OrgTasksOptions.NoticesKept"/>.</summary>
    [Id(1)] public List<Notice> Notices { get; set; } = [];
    /// <summary>Agents who carried for this unit before its contact changed and may still hold its statements.</summary>
    [Id(2)] public List<string> FormerContacts { get; set; } = [];
    /// <summary>The version of the last list of contacts deposited with the centre, and a digest of what it said.</summary>
    [Id(3)] public int DepositVersion { get; set; }
    [Id(4)] public string DepositPrint { get; set; } = "";
    /// <summary>For a central body: each organization's own configuration of it (one centre, many committees);
    /// <see cref="Config"/> is their merge.</summary>
    [Id(5)] public Dictionary<string, UnitConfig> CentreParts { get; set; } = new(StringComparer.Ordinal);
}
