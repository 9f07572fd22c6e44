using System.Text;
using OrgTasks.Organization;

namespace OrgTasks.Tests.Live;

/// <summary>
/// A city sized for a mobilization, ids prefixed per test: committee → districts → one factory each → distribution
/// groups of distributors with synthetic homes. <see cref="Homes"/> = districts × groups × agents × homes per agent
/// (10 × 2 × 5 × 1,000 = 100,000 by default). Agent 1 of a group is its contact, 2 its alternate.
/// </summary>
public sealed class MobilizationCity
{
    private MobilizationCity(string prefix, int districts, int groups, int agents, int homesPerAgent)
    {
        Prefix = prefix;
        var y = new StringBuilder();
        y.AppendLine($"organization: {prefix}-org");
        y.AppendLine("centre:");
        y.AppendLine($"  central-committee: {prefix}-cc");
        y.AppendLine($"  central-organ: {prefix}-co");
        y.AppendLine("committee:");
        y.AppendLine($"  id: {Committee}");
        y.AppendLine($"  contact: {Secretary}");
        y.AppendLine("  members:");
        y.AppendLine($"    - {{ agent: {Secretary}, function: secretary }}");
        y.AppendLine($"  executive: [{Secretary}]");
        y.AppendLine("groups:");
        var agentLines = new List<string> { $"  - {{ id: {Secretary} }}" };
        for (var d = 1; d <= districts; d++)
        {
            var contact = $"{prefix}-d{d}-contact";
            var factoryContact = $"{prefix}-d{d}-f-contact";
            y.AppendLine($"  - {{ id: {District(d)}, kind: district, parent: {Committee}, contact: {contact}, members: [{contact}] }}");
            y.AppendLine($"  - {{ id: {Factory(d)}, kind: factory, parent: {District(d)}, contact: {factoryContact}, members: [{factoryContact}] }}");
            agentLines.Add($"  - {{ id: {contact} }}");
            agentLines.Add($"  - {{ id: {factoryContact} }}");
            for (var g = 1; g <= groups; g++)
            {
                var members = Enumerable.Range(1, agents).Select(a => Distributor(d, g, a)).ToList();
                y.AppendLine($"  - {{ id: {Group(d, g)}, kind: distribution, parent: {Factory(d)}, contact: {members[0]}, alternates: [{members[1]}], members: [{string.Join(", ", members)}] }}");
                agentLines.AddRange(members.Select(m => $"  - {{ id: {m}, homes: {homesPerAgent} }}"));
            }
        }
        y.AppendLine("agents:");
        foreach (var line in agentLines) y.AppendLine(line);
        Homes = (long)districts * groups * agents * homesPerAgent;
        Spec = OrgFile.Parse(y.ToString(), $"{prefix}.yaml") is { IsValid: true } parsed
            ? parsed.Organization!
            : throw new InvalidOperationException("mobilization city invalid: " + string.Join("\n", OrgFile.Parse(y.ToString(), "x").Errors));
    }

    public string Prefix { get; }
    public OrganizationSpec Spec { get; }
    public long Homes { get; }
    public string Committee => $"{Prefix}-spb";
    public string Secretary => $"{Prefix}-secretary";
    public string District(int d) => $"{Committee}/d{d}";
    public string Factory(int d) => $"{District(d)}/f";
    public string Group(int d, int g) => $"{Factory(d)}/g{g}";
    public string Distributor(int d, int g, int a) => $"{Prefix}-d{d}-g{g}-a{a}";

    /// <summary>Every member of one group: arrested together, they cut the group off and it holds the leaflet.</summary>
    public IReadOnlyList<string> Members(int d, int g, int agents = 5) => Enumerable.Range(1, agents).Select(a => Distributor(d, g, a)).ToList();

    public static MobilizationCity Create(int districts = 10, int groups = 2, int agents = 5, int homesPerAgent = 1_000) =>
        new("m" + Guid.NewGuid().ToString("N")[..10], districts, groups, agents, homesPerAgent);
}
