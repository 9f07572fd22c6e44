namespace OrgTasks.Identity;

/// <summary>What kind of party a call is made on behalf of.</summary>
[GenerateSerializer]
public enum ActorKind
{
    /// <summary>A person of the organization: member, contact, distributor.</summary>
    Agent = 0,

    /// <summary>A unit acting as a whole: the committee issuing a leaflet, a group passing a statement on.</summary>
    Unit = 1,

    /// <summary>The people who run the installation (apply the organization file, read the picture).</summary>
    Operator = 2,

    /// <summary>The system's own bookkeeping grains (the organization directory, leaflet trackers).</summary>
    System = 3,
}
