namespace OrgTasks.Organization.Drafts;

/// <summary>A <c>generate</c> section that read cleanly and is within bounds, and the line of its key.</summary>
internal sealed record GenerateDraft(GenerateSpec Spec, int Line)
{
    public const string Field = "generate";
}
