using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OrgTasks.Cli.Output;

/// <summary>
/// The one JSON shape of every <c>--json</c> output: camelCase properties, enums spelled as in the organization file
/// (<c>central-committee</c>, <c>counter-espionage</c>), dates ISO 8601, durations ISO 8601 (<c>PT5M</c>).
/// </summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Output for terminals and scripts, not for HTML: keep '+' in offsets and Cyrillic in texts as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters =
        {
            new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower),
            new IsoDurationConverter(),
        },
    };

    public static void Write<T>(TextWriter output, T value) => output.WriteLine(JsonSerializer.Serialize(value, Options));

    /// <summary>A record as a JSON object, so that a command can add its own fields (the demo's timings) beside it.</summary>
    public static JsonObject ToObject<T>(T value) =>
        JsonSerializer.SerializeToNode(value, Options) as JsonObject
        ?? throw new InvalidOperationException($"{typeof(T).Name} does not serialize to a JSON object");

    public static void Write(TextWriter output, JsonNode node) => output.WriteLine(node.ToJsonString(Options));
}
