namespace OrgTasks.Plan;

/// <summary>How a group stands to the organization (the letter's circles that must not even know they belong).</summary>
[GenerateSerializer]
public enum Affiliation
{
    Member = 0,
    Associated = 1,
    Unaware = 2,
}

/// <summary>How much a group's members may see of each other.</summary>
[GenerateSerializer]
public enum Secrecy
{
    Strict = 0,
    Discreet = 1,
    Open = 2,
}
