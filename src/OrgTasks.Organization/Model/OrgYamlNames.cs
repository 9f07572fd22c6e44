namespace OrgTasks.Organization;

/// <summary>
/// The YAML spellings of the enums, both ways. One table per enum, so the loader, its error messages and anyone
/// printing a unit's kind agree on the words.
/// </summary>
public static class OrgYamlNames
{
    private static readonly (GroupKind Value, string Name)[] Kinds =
    [
        (GroupKind.District, "district"),
        (GroupKind.Propaganda, "propaganda"),
        (GroupKind.Factory, "factory"),
        (GroupKind.Distribution, "distribution"),
        (GroupKind.Reading, "reading"),
        (GroupKind.CounterEspionage, "counter-espionage"),
        (GroupKind.TradeUnion, "trade-union"),
        (GroupKind.Agitation, "agitation"),
        (GroupKind.Transport, "transport"),
        (GroupKind.Printing, "printing"),
        (GroupKind.Passport, "passport"),
        (GroupKind.Students, "students"),
        (GroupKind.Military, "military"),
        (GroupKind.MeetingPlaces, "meeting-places"),
    ];

    private static readonly (Secrecy Value, string Name)[] Secrecies =
    [
        (Secrecy.Strict, "strict"),
        (Secrecy.Discreet, "discreet"),
        (Secrecy.Open, "open"),
    ];

    private static readonly (Affiliation Value, string Name)[] Affiliations =
    [
        (Affiliation.Member, "member"),
        (Affiliation.Associated, "associated"),
        (Affiliation.Unaware, "unaware"),
    ];

    private static readonly (Cooptation Value, string Name)[] Cooptations =
    [
        (Cooptation.Majority, "majority"),
        (Cooptation.TwoThirds, "two-thirds"),
    ];

    public static string Of(GroupKind kind) => NameOf(Kinds, kind);

    public static string Of(Secrecy secrecy) => NameOf(Secrecies, secrecy);

    public static string Of(Affiliation affiliation) => NameOf(Affiliations, affiliation);

    public static string Of(Cooptation cooptation) => NameOf(Cooptations, cooptation);

    /// <summary>Allowed spellings in file order, for error messages.</summary>
    public static IReadOnlyList<string> AllowedNames<T>()
        where T : struct, Enum => Table<T>().Select(entry => entry.Name).ToArray();

    /// <summary>Parses a YAML spelling; letter case is ignored (<c>Strict</c> reads as <c>strict</c>).</summary>
    public static bool TryParse<T>(string text, out T value)
        where T : struct, Enum
    {
        foreach (var (candidate, name) in Table<T>())
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static IEnumerable<(T Value, string Name)> Table<T>()
        where T : struct, Enum
    {
        object table = typeof(T) switch
        {
            var t when t == typeof(GroupKind) => Kinds,
            var t when t == typeof(Secrecy) => Secrecies,
            var t when t == typeof(Affiliation) => Affiliations,
            var t when t == typeof(Cooptation) => Cooptations,
            _ => throw new ArgumentException($"{typeof(T).Name} has no YAML spelling in the organization file."),
        };
        return ((IEnumerable<(T, string)>)table).Select(entry => (entry.Item1, entry.Item2));
    }

    private static string NameOf<T>((T Value, string Name)[] table, T value)
        where T : struct, Enum
    {
        foreach (var entry in table)
        {
            if (EqualityComparer<T>.Default.Equals(entry.Value, value))
            {
                return entry.Name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a defined {typeof(T).Name}.");
    }
}
