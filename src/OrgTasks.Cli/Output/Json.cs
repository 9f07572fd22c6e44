using System.Text.Json;
using System.Text.Json.Nodes;
using OrgTasks.Client.Json;

namespace OrgTasks.Cli.Output;

/// <summary>
/// The one JSON shape of every <c>--json</c> output (see <see cref="OrgTasksJson"/>; the HTTP API answers the same),
/// indented for terminals.
/// </summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = OrgTasksJson.Create(indented: true);

    public static void Write<T>(TextWriter output, T value) => output.WriteLine(JsonSerializer.Serialize(value, Options));

    /// <summary>A record as a JSON object, so that a command can add its own fields (the demo's timings) beside it.</summary>
    public static JsonObject ToObject<T>(T value) =>
        JsonSerializer.SerializeToNode(value, Options) as JsonObject
        ?? throw new InvalidOperationException($"{typeof(T).Name} does not serialize to a JSON object");

    public static void Write(TextWriter output, JsonNode node) => output.WriteLine(node.ToJsonString(Options));
}
