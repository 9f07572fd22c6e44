using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace OrgTasks.Client.Json;

/// <summary>
/// Writes a <see cref="TimeSpan"/> as an ISO 8601 duration (<c>PT6M3.5S</c>) rather than .NET's <c>00:06:03.5</c>,
/// which other languages' JSON readers do not know. Reads both; anything else is a <see cref="JsonException"/> naming
/// the value, so an HTTP body with a bad duration is refused with its field.
/// </summary>
public sealed class IsoDurationConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is null) throw new JsonException("a duration must be a string such as \"PT30M\"");
        try
        {
            return text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal)
                ? XmlConvert.ToTimeSpan(text)
                : TimeSpan.Parse(text, CultureInfo.InvariantCulture);
        }
        catch (Exception error) when (error is FormatException or OverflowException)
        {
            throw new JsonException($"'{text}' is not a duration (ISO 8601, for example \"PT30M\")", error);
        }
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(XmlConvert.ToString(value));
}
