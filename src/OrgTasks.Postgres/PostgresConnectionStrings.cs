using System.Data.Common;
using System.Globalization;

namespace OrgTasks.Postgres;

/// <summary>Connection strings for OrgTasks' PostgreSQL, and how to name one without giving away its password.</summary>
public static class PostgresConnectionStrings
{
    /// <summary>
    /// Pool size for a silo. A burst of grain writes (24,000 grains activating and writing at once) exhausted Npgsql's
    /// default of 100 connections with its 15 s wait; the managed server accepts 300.
    /// </summary>
    public const int MaxPoolSize = 200;

    /// <summary>Seconds to wait for a pooled connection (or to open one) before failing. Npgsql's default is 15.</summary>
    public const int TimeoutSeconds = 30;

    /// <summary>
    /// A connection over 127.0.0.1 to the managed server; the password is read from <paramref name="passfile"/>
    /// (PostgreSQL's passfile format), so the string itself never holds one.
    /// </summary>
    public static string Loopback(int port, string user, string database, bool pooling = true, string? passfile = null)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Database = database,
            Username = user,
            // The server listens on loopback only and has no certificate: skip the TLS negotiation round trip.
            SslMode = SslMode.Disable,
            Pooling = pooling,
            MaxPoolSize = MaxPoolSize,
            Timeout = TimeoutSeconds,
            Passfile = passfile,
        };
        return builder.ConnectionString;
    }

    /// <summary>
    /// <paramref name="connectionString"/> with OrgTasks' pool size and wait added where it names none, so an external
    /// server given as <c>Host=db;Username=x;Password=y</c> gets the same burst capacity as the managed one. What the
    /// string does set is kept.
    /// </summary>
    public static string WithBurstDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var keys = given.Keys.Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!keys.Overlaps(["maxpoolsize", "maximumpoolsize"])) builder.MaxPoolSize = MaxPoolSize;
        if (!keys.Overlaps(["timeout"])) builder.Timeout = TimeoutSeconds;
        return builder.ConnectionString;
    }

    /// <summary><paramref name="connectionString"/> without its password, for showing to a person.</summary>
    public static string WithoutPassword(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Password = null }.ConnectionString;

    /// <summary>Where a connection string points, as <c>host:port</c>: never its password or user.</summary>
    public static string Endpoint(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var host = string.IsNullOrEmpty(builder.Host) ? "localhost" : builder.Host;
        return $"{host}:{builder.Port.ToString(CultureInfo.InvariantCulture)}";
    }
}
