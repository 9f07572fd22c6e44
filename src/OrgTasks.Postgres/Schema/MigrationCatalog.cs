using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace OrgTasks.Postgres.Schema;

/// <summary>
/// The migrations this build knows: every <c>Schema/NNN_name.sql</c> embedded in this assembly, ordered by number.
/// Adding a migration is dropping in a file with the next free number; nothing else lists them.
/// </summary>
/// <remarks>
/// Numbers 001–009 belong to the Orleans providers' tables; 010 and above to OrgTasks' own tables (the journals).
/// </remarks>
public static partial class MigrationCatalog
{
    private const string ResourcePrefix = "orgtasks.schema.";

    private static readonly Lazy<IReadOnlyList<Migration>> Embedded = new(() => Load(typeof(MigrationCatalog).Assembly));

    public static IReadOnlyList<Migration> All => Embedded.Value;

    /// <summary>The highest version this build knows.</summary>
    public static int LatestVersion => All.Count == 0 ? 0 : All[^1].Version;

    private static List<Migration> Load(Assembly assembly)
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var file = resource[ResourcePrefix.Length..];
            var match = FileName().Match(file);
            if (!match.Success)
                throw new InvalidOperationException($"schema file '{file}' is not named NNN_name.sql");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd()));
        }
        var repeated = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw new InvalidOperationException($"two schema files share number {repeated.Key}: {string.Join(", ", repeated.Select(m => m.Name))}");
        return migrations.OrderBy(m => m.Version).ToList();
    }

    [GeneratedRegex(@"^(\d{3,})_([a-z0-9_]+)\.sql$")]
    private static partial Regex FileName();
}
