using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace OrgTasks.Cli.Output;

/// <summary>
/// Writes a <see cref="TimeSpan"/> as an ISO 8601 duration (<c>PT6M3.5S</c>) rather than .NET's <c>00:06:03.5</c>,
/// which other languages' JSON readers do not know. Reads both.
/// </summary>
internal sealed class IsoDurationConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("a duration cannot be null");
        return text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal)
            ? XmlConvert.ToTimeSpan(text)
            : TimeSpan.Parse(text, CultureInfo.InvariantCulture);
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(XmlConvert.ToString(value));
}
