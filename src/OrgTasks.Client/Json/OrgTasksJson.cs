using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrgTasks.Client.Json;

/// <summary>
/// The one JSON shape of OrgTasks' answers, shared by the CLI's <c>--json</c> output and the HTTP API so that both
/// print the same document for the same record: camelCase properties, enums spelled as in the organization file
/// (<c>central-committee</c>, <c>counter-espionage</c>), dates ISO 8601, durations ISO 8601 (<c>PT5M</c>).
/// </summary>
public static class OrgTasksJson
{
    /// <summary>Options for terminals and scripts (indented).</summary>
    public static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = indented };
        Configure(options);
        return options;
    }

    /// <summary>Gives <paramref name="options"/> (the web defaults: camelCase) OrgTasks' encoder and converters.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        // Output for terminals, scripts and JSON clients, not for HTML: keep '+' in offsets and Cyrillic in texts as they are.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new IsoDurationConverter());
    }
}
