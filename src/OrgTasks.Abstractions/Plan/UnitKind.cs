namespace OrgTasks.Plan;

/// <summary>Every kind of unit in the letter: the two central bodies, the local committee and the group kinds.</summary>
[GenerateSerializer]
public enum UnitKind
{
    CentralCommittee = 0,
    CentralOrgan = 1,
    Committee = 2,
    District = 3,
    Propaganda = 4,
    Factory = 5,
    Distribution = 6,
    Reading = 7,
    CounterEspionage = 8,
    TradeUnion = 9,
    Agitation = 10,
    Transport = 11,
    Printing = 12,
    Passport = 13,
    Students = 14,
    Military = 15,
    MeetingPlaces = 16,
}

public static class UnitKinds
{
    public static bool IsCentre(this UnitKind kind) => kind is UnitKind.CentralCommittee or UnitKind.CentralOrgan;
    public static bool IsGroup(this UnitKind kind) => kind is not (UnitKind.CentralCommittee or UnitKind.CentralOrgan or UnitKind.Committee);

    /// <summary>The spelling used in the organization file and in every printed report.</summary>
    public static string Spelling(this UnitKind kind) => kind switch
    {
        UnitKind.CentralCommittee => "central-committee",
        UnitKind.CentralOrgan => "central-organ",
        UnitKind.CounterEspionage => "counter-espionage",
        UnitKind.TradeUnion => "trade-union",
        UnitKind.MeetingPlaces => "meeting-places",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
