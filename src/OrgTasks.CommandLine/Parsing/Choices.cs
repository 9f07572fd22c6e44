using OrgTasks.Silo.Hosting;

namespace OrgTasks.Cli.Parsing;

/// <summary>
/// Options that take one word from a fixed list (<c>--to</c>, <c>--kind</c>, <c>--storage</c>, <c>--telemetry</c>),
/// spelled as in the organization file. The list is checked by the parser, so help and errors show the choices.
/// </summary>
internal static class Choices
{
    public static readonly IReadOnlyDictionary<string, Addressee> Addressees = new Dictionary<string, Addressee>
    {
        ["committee"] = Addressee.Committee,
        ["central-committee"] = Addressee.CentralCommittee,
        ["central-organ"] = Addressee.CentralOrgan,
    };

    public static readonly IReadOnlyDictionary<string, StatementKind> StatementKinds =
        Enum.GetValues<StatementKind>().ToDictionary(Format.Spelling);

    /// <summary>
    /// Storage kinds as <c>--storage</c> takes them: only those the command line knows how to start. A kind that needs
    /// more than its name (a server, a connection string) is added here together with the options it needs.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, StorageKind> Storage = new Dictionary<string, StorageKind>
    {
        ["memory"] = StorageKind.Memory,
        ["postgres"] = StorageKind.Postgres, // with --connection and --data (Hosting/StorageOptions.cs)
    };

    /// <summary>A required or defaulted option limited to <paramref name="choices"/>' keys.</summary>
    public static Option<string> Option<T>(string name, string description, IReadOnlyDictionary<string, T> choices, string? defaultValue = null)
    {
        var option = new Option<string>(name)
        {
            Description = description,
            HelpName = string.Join('|', choices.Keys),
            Required = defaultValue is null,
        };
        if (defaultValue is not null) option.DefaultValueFactory = _ => defaultValue;
        option.AcceptOnlyFromAmong([.. choices.Keys]);
        return option;
    }

    /// <summary>The value of an option made by <see cref="Option{T}"/>: the parser has already refused anything else.</summary>
    public static T Get<T>(this ParseResult result, Option<string> option, IReadOnlyDictionary<string, T> choices) =>
        choices[result.GetRequiredValue(option)];
}
