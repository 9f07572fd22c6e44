namespace OrgTasks.Plan;

/// <summary>
/// Everything a unit grain needs to know about itself, cut from the applied organization file. Written by the
/// organization grain on apply; kept in the unit's persistent state.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record UnitConfig
{
    [Id(0)] public required string Organization { get; init; }
    [Id(1)] public required UnitRef Unit { get; init; }
    /// <summary>The unit above; none for the central bodies (and for the committee, whose way up depends on the addressee).</summary>
    [Id(2)] public UnitRef? Parent { get; init; }
    /// <summary>The one member who alone transmits upward. Empty for the central bodies.</summary>
    [Id(3)] public string Contact { get; init; } = "";
    [Id(4)] public IReadOnlyList<string> Alternates { get; init; } = [];
    [Id(5)] public IReadOnlyList<string> Members { get; init; } = [];
    /// <summary>Members whose routes this unit serves when a leaflet arrives (each route is served by one unit only).</summary>
    [Id(6)] public IReadOnlyList<string> RouteMembers { get; init; } = [];
    [Id(7)] public IReadOnlyList<ChildLink> Children { get; init; } = [];
    [Id(8)] public Secrecy Secrecy { get; init; } = Secrecy.Discreet;
    [Id(9)] public Affiliation Affiliation { get; init; } = Affiliation.Member;
    /// <summary>Homes on the routes of <see cref="RouteMembers"/>.</summary>
    [Id(10)] public long OwnHomes { get; init; }
    /// <summary>Homes in the whole subtree, this unit included.</summary>
    [Id(11)] public long SubtreeHomes { get; init; }
    /// <summary>For the committee: the central bodies its contact transmits to.</summary>
    [Id(12)] public UnitRef? CentralCommittee { get; init; }
    [Id(13)] public UnitRef? CentralOrgan { get; init; }
    /// <summary>Member functions (committee: secretary, printing, transport …), by agent id.</summary>
    [Id(14)] public IReadOnlyDictionary<string, string> Functions { get; init; } = new Dictionary<string, string>();
    [Id(15)] public IReadOnlyList<string> Executive { get; init; } = [];
    [Id(16)] public IReadOnlyList<string> Candidates { get; init; } = [];
    [Id(17)] public string Cooptation { get; init; } = "";
    /// <summary>The nearest district and factory above (or this unit itself), for the per-district picture.</summary>
    [Id(18)] public string? District { get; init; }
    [Id(19)] public string? Factory { get; init; }
    /// <summary>Who carries which homes of the routes of <see cref="RouteMembers"/>: each route whole by its owner,
    /// unless the owner is out of action (then an alternate, or shares among the other distributors).</summary>
    [Id(20)] public IReadOnlyList<RouteShare> Shares { get; init; } = [];
    /// <summary>Members out of action (arrested or suspended): they may not act for this unit.</summary>
    [Id(21)] public IReadOnlyList<string> Lost { get; init; } = [];
    /// <summary>Nobody is left to be the contact or to carry a route: the group waits to be re-established.</summary>
    [Id(22)] public bool CutOff { get; init; }
    /// <summary>Agents detailed here by the committee or the Central Committee: they may see composition and activity.</summary>
    [Id(23)] public IReadOnlyList<string> Delegates { get; init; } = [];
    /// <summary>The centre's public key (SubjectPublicKeyInfo DER): a group seals its list of contacts with it.</summary>
    [Id(24)] public byte[]? CentreKey { get; init; }
    /// <summary>For a committee under a Central Committee: not yet consented to, so nothing goes to the centre.</summary>
    [Id(25)] public bool AwaitingConsent { get; init; }
    /// <summary>For the committee: its routine (distributions, reports, idle alarm); the defaults when the file says nothing.</summary>
    [Id(26)] public RoutineSchedule? Routine { get; init; }
    /// <summary>For a propaganda group: the district groups its own leaflets go through to their distributors.</summary>
    [Id(27)] public IReadOnlyList<ChildLink> DeliversThrough { get; init; } = [];
    /// <summary>For a district group: the propaganda groups whose leaflets it carries (and reports back to).</summary>
    [Id(28)] public IReadOnlyList<UnitRef> CarriesFor { get; init; } = [];
}
