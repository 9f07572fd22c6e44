using OrgTasks.Organization.Loading;

namespace OrgTasks.Organization.Drafts;

/// <summary>One group as read from <c>groups</c>, or made by <c>generate</c>.</summary>
internal sealed class GroupDraft
{
    /// <summary><c>groups[3]</c>, or <c>generate</c> for a generated group.</summary>
    public required string Field { get; init; }

    public required int Line { get; init; }

    /// <summary>Made by <c>generate</c> rather than written in the file.</summary>
    public bool Generated { get; init; }

    public Located<string>? Id { get; init; }

    public GroupKind? Kind { get; init; }

    public Located<string>? Parent { get; init; }

    public Secrecy Secrecy { get; init; }

    public Affiliation Affiliation { get; init; }

    public Located<string>? Contact { get; init; }

    public required IReadOnlyList<Located<string>> Alternates { get; init; }

    public required IReadOnlyList<Located<string>> Members { get; init; }

    /// <summary>For a propaganda group: the district groups its material goes through (<c>delivers-through</c>).</summary>
    public IReadOnlyList<Located<string>> DeliversThrough { get; init; } = [];

    /// <summary>The group id for messages, even when it is missing.</summary>
    public string Name => Id?.Value ?? $"{Field} (without id)";
}
