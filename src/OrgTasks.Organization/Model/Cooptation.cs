namespace OrgTasks.Organization;

/// <summary>Votes a committee needs to co-opt a member. YAML: <c>majority | two-thirds</c>; <c>two-thirds</c> when omitted.</summary>
public enum Cooptation
{
    Majority,
    TwoThirds,
}
