using System.Text;
using OrgTasks.Organization;

namespace OrgTasks.Tests.Infrastructure;

/// <summary>
/// Small organizations written as YAML for grain tests, every id prefixed so each test has its own. The shape:
/// committee → districts → factory sub-committee → distribution groups → distributors with homes, plus the centre.
/// </summary>
public sealed class TestCity
{
    private TestCity(string prefix, string yaml)
    {
        Prefix = prefix;
        Yaml = yaml;
        Spec = OrgFile.Parse(yaml, $"{prefix}.yaml") is { IsValid: true } result
            ? result.Organization!
            : throw new InvalidOperationException("test city invalid: " + string.Join("\n", OrgFile.Parse(yaml, "x").Errors));
    }

    public string Prefix { get; }
    public string Yaml { get; }
    public OrganizationSpec Spec { get; }

    public string Committee => $"{Prefix}-spb";
    public string CentralCommittee => $"{Prefix}-cc";
    public string CentralOrgan => $"{Prefix}-co";
    public string District(int d) => $"{Committee}/d{d}";
    public string Factory(int d) => $"{District(d)}/f1";
    public string Group(int d, int g) => $"{Factory(d)}/g{g}";
    public string DistrictContact(int d) => $"{Prefix}-d{d}-contact";
    public string FactoryContact(int d) => $"{Prefix}-d{d}-f1-contact";
    /// <summary>Distributor <paramref name="a"/> (1-based) of group g; agent 1 is the group's contact, 2 its alternate.</summary>
    public string Distributor(int d, int g, int a) => $"{Prefix}-d{d}-g{g}-a{a}";
    public string Secretary => $"{Prefix}-secretary";

    public long HomesPerDistrict { get; private init; }

    /// <summary>A city of <paramref name="districts"/> districts, each one factory with two distribution groups of three distributors.</summary>
    public static TestCity Create(int districts = 3, int homesPerAgent = 5)
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        var y = new StringBuilder();
        y.AppendLine($"organization: {prefix}-org");
        y.AppendLine("centre:");
        y.AppendLine($"  central-committee: {prefix}-cc");
        y.AppendLine($"  central-organ: {prefix}-co");
        y.AppendLine("committee:");
        y.AppendLine($"  id: {prefix}-spb");
        y.AppendLine("  cooptation: two-thirds");
        y.AppendLine($"  contact: {prefix}-secretary");
        y.AppendLine("  members:");
        y.AppendLine($"    - {{ agent: {prefix}-secretary, function: secretary }}");
        y.AppendLine($"    - {{ agent: {prefix}-printer, function: printing }}");
        y.AppendLine($"  executive: [{prefix}-secretary]");
        y.AppendLine("groups:");
        var agents = new List<string> { $"  - {{ id: {prefix}-secretary }}", $"  - {{ id: {prefix}-printer }}" };
        for (var d = 1; d <= districts; d++)
        {
            var district = $"{prefix}-spb/d{d}";
            var factory = $"{district}/f1";
            y.AppendLine($"  - {{ id: {district}, kind: district, parent: {prefix}-spb, contact: {prefix}-d{d}-contact, members: [{prefix}-d{d}-contact] }}");
            y.AppendLine($"  - {{ id: {factory}, kind: factory, parent: {district}, contact: {prefix}-d{d}-f1-contact, members: [{prefix}-d{d}-f1-contact] }}");
            agents.Add($"  - {{ id: {prefix}-d{d}-contact }}");
            agents.Add($"  - {{ id: {prefix}-d{d}-f1-contact }}");
            for (var g = 1; g <= 2; g++)
            {
                var members = Enumerable.Range(1, 3).Select(a => $"{prefix}-d{d}-g{g}-a{a}").ToList();
                y.AppendLine($"  - {{ id: {factory}/g{g}, kind: distribution, parent: {factory}, contact: {members[0]}, alternates: [{members[1]}], members: [{string.Join(", ", members)}] }}");
                agents.AddRange(members.Select(m => $"  - {{ id: {m}, homes: {homesPerAgent} }}"));
            }
        }
        y.AppendLine("agents:");
        foreach (var agent in agents) y.AppendLine(agent);
        return new TestCity(prefix, y.ToString()) { HomesPerDistrict = 2 * 3 * homesPerAgent };
    }
}
