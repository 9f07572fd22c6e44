using System.Text;
using OrgTasks.Organization;

namespace OrgTasks.Tests.Life;

/// <summary>
/// A small organization for the organization's life, every id prefixed so each test has its own:
/// a committee of four (two in the executive) with two candidates, one district with a factory, and three groups:
/// - `strict`: distribution, strict secrecy, contact c1 with alternates c2 (no route of its own: a courier) and c3;
///   route holders c1, c3, c4, c5;
/// - `open`: reading, open secrecy, contact o1, alternate o2, both with routes;
/// - `circle`: students, unaware of the organization, contact s1, with a route.
/// </summary>
public sealed class LifeCity
{
    // centre: the prefix of a centre shared with other cities ({centre}-cc, {centre}-co); its own when empty.
    public LifeCity(string cooptation = "two-thirds", int executive = 2, string? centre = null)
    {
        P = "l" + Guid.NewGuid().ToString("N")[..10];
        _centre = centre ?? P;
        var exec = string.Join(", ", new[] { "sec", "prt", "trn", "agi" }.Take(Math.Min(executive, 4)).Select(A));
        var y = new StringBuilder();
        y.AppendLine($"organization: {P}-org");
        y.AppendLine($"centre: {{ central-committee: {CentralCommittee}, central-organ: {CentralOrgan} }}");
        y.AppendLine("committee:");
        y.AppendLine($"  id: {Committee}");
        y.AppendLine($"  cooptation: {cooptation}");
        y.AppendLine($"  contact: {A("sec")}");
        y.AppendLine("  members:");
        foreach (var (m, f) in new[] { ("sec", "secretary"), ("prt", "printing"), ("trn", "transport"), ("agi", "agitation") })
            y.AppendLine($"    - {{ agent: {A(m)}, function: {f} }}");
        y.AppendLine($"  executive: [{exec}]");
        y.AppendLine($"  candidates: [{A("cand1")}, {A("cand2")}]");
        y.AppendLine("groups:");
        y.AppendLine($"  - {{ id: {District}, kind: district, parent: {Committee}, contact: {A("d")}, alternates: [{A("d2")}], members: [{A("d")}, {A("d2")}] }}");
        y.AppendLine($"  - {{ id: {Factory}, kind: factory, parent: {District}, contact: {A("f")}, alternates: [{A("f2")}], members: [{A("f")}, {A("f2")}] }}");
        y.AppendLine($"  - {{ id: {Strict}, kind: distribution, parent: {Factory}, secrecy: strict, contact: {A("c1")}, alternates: [{A("c2")}, {A("c3")}], members: [{A("c1")}, {A("c2")}, {A("c3")}, {A("c4")}, {A("c5")}] }}");
        y.AppendLine($"  - {{ id: {Open}, kind: reading, parent: {Factory}, secrecy: open, contact: {A("o1")}, alternates: [{A("o2")}], members: [{A("o1")}, {A("o2")}] }}");
        y.AppendLine($"  - {{ id: {Circle}, kind: students, parent: {District}, affiliation: unaware, contact: {A("s1")}, members: [{A("s1")}] }}");
        y.AppendLine("agents:");
        foreach (var a in new[] { "sec", "prt", "trn", "agi", "cand1", "cand2", "d", "d2", "f", "f2", "c2" })
            y.AppendLine($"  - {{ id: {A(a)} }}");
        y.AppendLine($"  - {{ id: {A("c1")}, homes: [\"{P} Narvskaya 1\", \"{P} Narvskaya 2\", \"{P} Narvskaya 3\"] }}");
        foreach (var a in new[] { "c3", "c4", "c5", "o1", "o2", "s1" })
            y.AppendLine($"  - {{ id: {A(a)}, homes: {HomesPerRoute} }}");
        Yaml = y.ToString();
        var parsed = OrgFile.Parse(Yaml, $"{P}.yaml");
        Spec = parsed.IsValid ? parsed.Organization! : throw new InvalidOperationException(string.Join("\n", parsed.Errors));
    }

    public const int HomesPerRoute = 6;
    /// <summary>c1's three written addresses and six homes on each of the other six routes.</summary>
    public const long Homes = 3 + 6 * HomesPerRoute;

    public string P { get; }
    public string Yaml { get; }
    public OrganizationSpec Spec { get; }
    public string A(string name) => $"{P}-{name}";
    public string Committee => $"{P}-spb";
    private readonly string _centre;
    public string CentralCommittee => $"{_centre}-cc";
    public string CentralOrgan => $"{_centre}-co";
    public string District => $"{Committee}/narva";
    public string Factory => $"{District}/putilov";
    public string Strict => $"{Factory}/dist";
    public string Open => $"{Factory}/reading";
    public string Circle => $"{P}-circle"; // an unaware group's id names no unit above it
}
