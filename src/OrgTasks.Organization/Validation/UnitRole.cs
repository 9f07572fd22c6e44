namespace OrgTasks.Organization.Validation;

/// <summary>What kind of unit an id names; decides, for example, whether it may be a parent.</summary>
internal enum UnitRole
{
    Committee,
    CentralCommittee,
    CentralOrgan,
    Group,
}
