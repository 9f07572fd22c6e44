namespace OrgTasks.Organization;

/// <summary>A group's degree of secrecy. YAML: <c>strict | discreet | open</c>; <c>discreet</c> when omitted.</summary>
public enum Secrecy
{
    Strict,
    Discreet,
    Open,
}
