using Npgsql;

namespace OrgTasks.Postgres.Journals;

/// <summary>
/// Column values in and out. PostgreSQL keeps timestamps in UTC to the microsecond: a time read back is the time
/// written, truncated to the microsecond, with offset zero.
/// </summary>
internal static class Columns
{
    public static DateTime Utc(DateTimeOffset at) => at.UtcDateTime;

    public static DateTime? Utc(DateTimeOffset? at) => at?.UtcDateTime;

    public static DateTimeOffset Time(NpgsqlDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    public static DateTimeOffset? NullableTime(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Time(reader, ordinal);

    public static string? NullableText(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
