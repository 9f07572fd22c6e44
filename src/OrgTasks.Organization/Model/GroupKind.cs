namespace OrgTasks.Organization;

/// <summary>
/// What a group does, in the letter's terms. The YAML spelling of each value is given by
/// <see cref="OrgYamlNames"/> (for example <c>counter-espionage</c>, <c>meeting-places</c>).
/// </summary>
public enum GroupKind
{
    /// <summary>Intermediary and courier between the committee and the factories.</summary>
    District,
    /// <summary>Propagandists: a branch of the committee that uses the district groups for delivery.</summary>
    Propaganda,
    /// <summary>Factory sub-committee: the committee's agents in one factory.</summary>
    Factory,
    /// <summary>Distributors who carry leaflets to workers' homes.</summary>
    Distribution,
    /// <summary>A reading circle.</summary>
    Reading,
    /// <summary>Watches for spies and provocateurs.</summary>
    CounterEspionage,
    /// <summary>Trade-union work, funds and the like.</summary>
    TradeUnion,
    /// <summary>Agitators.</summary>
    Agitation,
    /// <summary>Transport of literature.</summary>
    Transport,
    /// <summary>The printing press.</summary>
    Printing,
    /// <summary>Passports and papers.</summary>
    Passport,
    /// <summary>Students' circles.</summary>
    Students,
    /// <summary>Work in the army.</summary>
    Military,
    /// <summary>Keeps the meeting places.</summary>
    MeetingPlaces,
}
