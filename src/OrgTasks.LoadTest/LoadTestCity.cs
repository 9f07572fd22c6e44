using System.Text;
using OrgTasks.Cli.OrgFiles;
using OrgTasks.Organization;

namespace OrgTasks.LoadTest;

/// <summary>
/// The city a load test runs: an organization file (<c>--city</c>), or a synthetic city of about <c>--homes N</c>
/// homes in the shape of <c>samples/city-1m.yaml</c> (10 distributors of 42 homes per group, 4 groups per factory, up
/// to 12 districts), so that every size is the same organization, only wider.
/// </summary>
internal static class LoadTestCity
{
    public const int MaxDistricts = 12;
    public const int GroupsPerFactory = 4;
    public const int AgentsPerGroup = 10;
    public const int HomesPerAgent = 42;
    private const int HomesPerFactory = GroupsPerFactory * AgentsPerGroup * HomesPerAgent;

    /// <summary>The largest synthetic city: the generator's own limit on homes.</summary>
    public const long MaxHomes = 50_000_000;

    /// <summary>A loaded and validated city; an invalid file prints its errors and exits 2, as everywhere else.</summary>
    public static (OrganizationSpec Spec, string Source, double LoadSeconds) Load(string? file, long? homes, TextWriter progress)
    {
        if (file is not null && homes is not null) throw new CliException("give --city or --homes, not both");
        if (homes is { } count)
        {
            var yaml = Yaml(count);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var generated = OrgFile.Parse(yaml, $"loadtest-{count}.yaml");
            // The YAML is ours, so an error here is a bug, not the user's: say so plainly.
            if (!generated.IsValid)
                throw new InvalidOperationException("generated load-test city is invalid: " + string.Join("; ", generated.Errors));
            return (generated.Organization!, $"--homes {count} (generated)", watch.Elapsed.TotalSeconds);
        }
        var path = CityFiles.Find(file ?? "samples/city-1m.yaml");
        var city = CheckedOrgFile.Load(path);
        return (city.RequireValid(progress), path, city.LoadTime.TotalSeconds);
    }

    /// <summary>
    /// The shape for about <paramref name="homes"/> homes: whole factories of 1,680 homes, spread over at most 12
    /// districts. 10,000 → 6 × 1 factories (10,080 homes); 100,000 → 12 × 5 (100,800); 1,008,000 → 12 × 50.
    /// </summary>
    public static (int Districts, int FactoriesPerDistrict) Shape(long homes)
    {
        if (homes < 1) throw new CliException("--homes: give a positive number of homes");
        if (homes > MaxHomes) throw new CliException($"--homes: at most {Format.Count(MaxHomes)} homes");
        var factories = Math.Max(1, (long)Math.Round((double)homes / HomesPerFactory));
        var districts = (int)Math.Min(MaxDistricts, factories);
        var perDistrict = (int)((factories + districts - 1) / districts);
        return (districts, perDistrict);
    }

    public static long HomesOf(long homes)
    {
        var (districts, perDistrict) = Shape(homes);
        return (long)districts * perDistrict * HomesPerFactory;
    }

    /// <summary>The organization file of the synthetic city, as <c>samples/city-1m.yaml</c> writes it.</summary>
    public static string Yaml(long homes)
    {
        var (districts, perDistrict) = Shape(homes);
        var y = new StringBuilder();
        y.AppendLine("organization: loadtest");
        y.AppendLine("centre: { central-committee: cc, central-organ: co }");
        y.AppendLine("committee:");
        y.AppendLine("  id: city");
        y.AppendLine("  contact: secretary");
        y.AppendLine("  members:");
        y.AppendLine("    - { agent: secretary, function: secretary }");
        y.AppendLine("    - { agent: organizer, function: districts }");
        y.AppendLine("  executive: [secretary, organizer]");
        y.AppendLine("agents:");
        y.AppendLine("  - { id: secretary }");
        y.AppendLine("  - { id: organizer }");
        y.AppendLine("generate:");
        y.AppendLine(CultureInfo.InvariantCulture, $"  districts: {districts}");
        y.AppendLine(CultureInfo.InvariantCulture, $"  factories-per-district: {perDistrict}");
        y.AppendLine(CultureInfo.InvariantCulture, $"  groups-per-factory: {GroupsPerFactory}");
        y.AppendLine(CultureInfo.InvariantCulture, $"  agents-per-group: {AgentsPerGroup}");
        y.AppendLine(CultureInfo.InvariantCulture, $"  homes-per-agent: {HomesPerAgent}");
        return y.ToString();
    }
}
