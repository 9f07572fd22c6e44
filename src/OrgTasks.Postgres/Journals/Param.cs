using System.Collections;
using Npgsql;
using NpgsqlTypes;

namespace OrgTasks.Postgres.Journals;

/// <summary>Typed array parameters for <c>unnest</c>: one parameter per column, however many rows.</summary>
internal static class Param
{
    public static NpgsqlParameter Texts(string?[] values) => Of(values, NpgsqlDbType.Text);
    public static NpgsqlParameter Shorts(short[] values) => Of(values, NpgsqlDbType.Smallint);
    public static NpgsqlParameter NullableShorts(short?[] values) => Of(values, NpgsqlDbType.Smallint);
    public static NpgsqlParameter Ints(int[] values) => Of(values, NpgsqlDbType.Integer);
    public static NpgsqlParameter NullableInts(int?[] values) => Of(values, NpgsqlDbType.Integer);
    public static NpgsqlParameter Bytes(byte[][] values) => Of(values, NpgsqlDbType.Bytea);
    public static NpgsqlParameter Longs(long[] values) => Of(values, NpgsqlDbType.Bigint);
    public static NpgsqlParameter Times(DateTime[] values) => Of(values, NpgsqlDbType.TimestampTz);
    public static NpgsqlParameter NullableTimes(DateTime?[] values) => Of(values, NpgsqlDbType.TimestampTz);
    public static NpgsqlParameter Bits(BitArray[] values) => Of(values, NpgsqlDbType.Varbit);

    public static NpgsqlParameter Text(string value) => new NpgsqlParameter<string> { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Text };
    public static NpgsqlParameter Int(int value) => new NpgsqlParameter<int> { TypedValue = value, NpgsqlDbType = NpgsqlDbType.Integer };
    public static NpgsqlParameter Time(DateTimeOffset value) =>
        new NpgsqlParameter<DateTime> { TypedValue = Columns.Utc(value), NpgsqlDbType = NpgsqlDbType.TimestampTz };

    private static NpgsqlParameter<T[]> Of<T>(T[] values, NpgsqlDbType element) =>
        new() { TypedValue = values, NpgsqlDbType = NpgsqlDbType.Array | element };
}
