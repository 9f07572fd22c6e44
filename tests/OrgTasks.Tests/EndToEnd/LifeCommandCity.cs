namespace OrgTasks.Tests.EndToEnd;

/// <summary>
/// A small organization for the organization's-life commands, every id prefixed so that each test has its own in the
/// shared silo. Its committee has six members and a full executive of five, co-opting by majority (four yes of six);
/// under one district and one factory hang a strict distribution group (sasha, olya, kolya) and a small press group
/// (dunya, pavel) to be lost to arrests and re-established; an unaware students' circle hangs under the committee.
/// </summary>
public sealed class LifeCommandCity
{
    private LifeCommandCity(string prefix) => Prefix = prefix;

    public string Prefix { get; }
    public string Organization => $"{Prefix}-org";
    public string Committee => $"{Prefix}-spb";
    public string District => $"{Committee}/narva";
    public string Factory => $"{District}/works";
    public string Distribution => $"{Factory}/dist";
    public string Press => $"{Factory}/press";
    public string Circle => $"{Prefix}-circle"; // an unaware group's id names no unit above it
    public string Agent(string name) => $"{Prefix}-{name}";
    public IReadOnlyList<string> CommitteeMembers => ["sec", "printer", "courier", "districts", "propaganda", "finance"];
    public IReadOnlyList<string> PressAddresses => [$"{Prefix} Kosaya liniya 16, flat 1", $"{Prefix} Kosaya liniya 16, flat 4"];
    public const int PavelHomes = 5;
    public string Yaml { get; private init; } = "";

    public static LifeCommandCity Create()
    {
        var p = "l" + Guid.NewGuid().ToString("N")[..10];
        var city = new LifeCommandCity(p);
        string A(string name) => city.Agent(name);
        var functions = new[] { "secretary", "printing", "transport", "districts", "propaganda", "finance" };
        var yaml = $$"""
            organization: {{city.Organization}}
            centre:
              central-committee: {{p}}-cc
              central-organ: {{p}}-co
            committee:
              id: {{city.Committee}}
              cooptation: majority
              contact: {{A("sec")}}
              members:
            {{string.Join("\n", city.CommitteeMembers.Select((m, i) => $"    - {{ agent: {A(m)}, function: {functions[i]} }}"))}}
              executive: [{{string.Join(", ", city.CommitteeMembers.Take(5).Select(A))}}]
              candidates: [{{A("cand")}}]
            groups:
              - { id: {{city.District}}, kind: district, parent: {{city.Committee}}, secrecy: strict, contact: {{A("petya")}}, alternates: [{{A("fedya")}}], members: [{{A("petya")}}, {{A("fedya")}}] }
              - { id: {{city.Factory}}, kind: factory, parent: {{city.District}}, secrecy: strict, contact: {{A("vanya")}}, alternates: [{{A("misha")}}], members: [{{A("vanya")}}, {{A("misha")}}] }
              - { id: {{city.Distribution}}, kind: distribution, parent: {{city.Factory}}, secrecy: strict, contact: {{A("sasha")}}, alternates: [{{A("olya")}}], members: [{{A("sasha")}}, {{A("olya")}}, {{A("kolya")}}] }
              - { id: {{city.Press}}, kind: distribution, parent: {{city.Factory}}, contact: {{A("dunya")}}, alternates: [{{A("pavel")}}], members: [{{A("dunya")}}, {{A("pavel")}}] }
              - { id: {{city.Circle}}, kind: students, parent: {{city.Committee}}, secrecy: open, affiliation: unaware, contact: {{A("dmitry")}}, members: [{{A("dmitry")}}, {{A("alexei")}}] }
            agents:
            {{string.Join("\n", city.CommitteeMembers.Append("cand").Append("petya").Append("fedya").Append("vanya").Append("misha").Append("dmitry").Append("alexei").Append("envoy").Select(m => $"  - {{ id: {A(m)} }}"))}}
              - { id: {{A("sasha")}}, homes: ["{{p}} Narvskaya zastava 12, flat 3", "{{p}} Putilovsky 4, barracks 2"] }
              - { id: {{A("olya")}}, homes: 4 }
              - { id: {{A("kolya")}}, homes: 3 }
              - { id: {{A("dunya")}}, homes: ["{{city.PressAddresses[0]}}", "{{city.PressAddresses[1]}}"] }
              - { id: {{A("pavel")}}, homes: {{PavelHomes}} }
            """;
        return new LifeCommandCity(p) { Yaml = yaml };
    }

    /// <summary>Writes the file and applies it to the silo.</summary>
    public async Task ApplyAsync(SiloProcessFixture silo, string folder)
    {
        var file = Path.Combine(folder, Prefix + ".yaml");
        await File.WriteAllTextAsync(file, Yaml);
        var run = await silo.RunAsync("org", "apply", file);
        CliAssert.Succeeded(run);
    }
}
