using OrgTasks.Organization;

namespace OrgTasks.Tests.Life;

/// <summary>
/// Two districts (each a factory with one distribution group of two distributors, three homes each) and a propaganda
/// group under the committee that delivers through the first district only. Ids prefixed, so each test has its own.
/// </summary>
public sealed class PropagandaCity
{
    public PropagandaCity()
    {
        P = "p" + Guid.NewGuid().ToString("N")[..10];
        Yaml = $$"""
            organization: {{P}}-org
            committee:
              id: {{Committee}}
              contact: {{A("sec")}}
              members:
                - { agent: {{A("sec")}}, function: secretary }
                - { agent: {{A("anna")}}, function: propaganda }
            groups:
              - { id: {{Propaganda}}, kind: propaganda, parent: {{Committee}}, contact: {{A("anna")}}, members: [{{A("anna")}}], delivers-through: [{{District(1)}}] }
            {{string.Join("\n", new[] { 1, 2 }.Select(d => $$"""
              - { id: {{District(d)}}, kind: district, parent: {{Committee}}, contact: {{A($"d{d}")}}, members: [{{A($"d{d}")}}] }
              - { id: {{District(d)}}/works, kind: factory, parent: {{District(d)}}, contact: {{A($"f{d}")}}, members: [{{A($"f{d}")}}] }
              - { id: {{Group(d)}}, kind: distribution, parent: {{District(d)}}/works, contact: {{A($"a{d}")}}, members: [{{A($"a{d}")}}, {{A($"b{d}")}}] }
            """))}}
            agents:
            {{string.Join("\n", new[] { "sec", "anna", "d1", "d2", "f1", "f2" }.Select(a => $"  - {{ id: {A(a)} }}"))}}
            {{string.Join("\n", new[] { "a1", "b1", "a2", "b2" }.Select(a => $"  - {{ id: {A(a)}, homes: {HomesPerRoute} }}"))}}
            """;
        var parsed = OrgFile.Parse(Yaml, $"{P}.yaml");
        Spec = parsed.IsValid ? parsed.Organization! : throw new InvalidOperationException(string.Join("\n", parsed.Errors));
    }

    public const int HomesPerRoute = 3;
    public string P { get; }
    public string Yaml { get; }
    public OrganizationSpec Spec { get; }
    public string A(string name) => $"{P}-{name}";
    public string Committee => $"{P}-spb";
    public string Propaganda => $"{Committee}/propagandists";
    public string District(int d) => $"{Committee}/district-{d}";
    public string Group(int d) => $"{District(d)}/works/dist";
}
