using OrgTasks.Organization.Loading;

namespace OrgTasks.Organization.Drafts;

/// <summary>One agent as read from <c>agents</c>, or made by <c>generate</c>.</summary>
internal sealed class AgentDraft
{
    /// <summary><c>agents[7]</c>, or <c>generate</c> for a generated agent.</summary>
    public required string Field { get; init; }

    public required int Line { get; init; }

    public bool Generated { get; init; }

    public Located<string>? Id { get; init; }

    /// <summary>Addresses written out under <c>homes</c>.</summary>
    public required IReadOnlyList<Located<string>> Addresses { get; init; }

    /// <summary>Homes given as a count; their addresses are <see cref="SyntheticHomes.Address"/>.</summary>
    public int SyntheticHomes { get; init; }
}
