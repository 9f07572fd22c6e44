using System.Data.Common;
using System.Globalization;

namespace OrgTasks.Postgres;

/// <summary>Connection strings for OrgTasks' PostgreSQL, and how to name one without giving away its password.</summary>
public static class PostgresConnectionStrings
{
    /// <summary>
    /// Pool size for a silo's grain storage, reminders and membership (the journals have their own small pool, see
    /// <c>PgJournalStore</c>). Measured with bench/pool-size.sh (a 100,800-home city, apply and mobilization, pools of
    /// 20, 40, 80 and 120 on one two-core machine): the spread between runs of one size was larger than between
    /// sizes, because grain writes are bound by the server's CPU, not by connections; a larger pool only moves the
    /// queue from the pool into the server. 40 leaves room for five silos on the managed server's 300 connections
    /// (5 × (40 + 16) = 280) and for three on a server of 200, with no connection string edited.
    /// </summary>
    public const int MaxPoolSize = 40;

    /// <summary>
    /// Seconds to wait for a pooled connection (or to open one) before failing. Npgsql's default is 15. A burst of
    /// 24,000 grain writes queues in the pool for as long as the server takes to write them (about 13 s at 1,800
    /// writes/s, several times that on a busy machine), so the wait is long.
    /// </summary>
    public const int TimeoutSeconds = 60;

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
    /// Prepared statements kept per pooled connection for Orleans' own queries (grain state, reminders, membership):
    /// a dozen statements run all day, so each is parsed and planned once per connection instead of on every call.
    /// </summary>
    public const int MaxAutoPrepare = 32;

    /// <summary>
    /// <paramref name="connectionString"/> with what a silo's pooled connections need added where it names none, so an
    /// external server given as <c>Host=db;Username=x;Password=y</c> behaves as the managed one. What the string does
    /// set is kept.
    /// - The pool size and wait (<see cref="MaxPoolSize"/>, <see cref="TimeoutSeconds"/>): burst capacity.
    /// - <c>No Reset On Close</c>: Npgsql otherwise resets the session (settings, advisory locks, temporary tables) in
    ///   front of the next command of every connection returned to the pool: one more statement for the server on every
    ///   grain read and write. Nothing that uses these connections changes session state (the schema migrator's advisory
    ///   lock has its own unpooled connection).
    /// - <c>Max Auto Prepare</c> (<see cref="MaxAutoPrepare"/>).
    /// Measured (1M city, one silo on the managed server; docs/performance.md, round five): first apply 11.8–13.5 s →
    /// 7.7–9.5 s, the first leaflet reading every grain's state 5.7–6.6 s → 4.0–4.6 s.
    /// </summary>
    public static string WithSiloDefaults(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var keys = given.Keys.Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!keys.Overlaps(["maxpoolsize", "maximumpoolsize"])) builder.MaxPoolSize = MaxPoolSize;
        if (!keys.Overlaps(["timeout"])) builder.Timeout = TimeoutSeconds;
        if (!keys.Overlaps(["noresetonclose"])) builder.NoResetOnClose = true;
        if (!keys.Overlaps(["maxautoprepare"])) builder.MaxAutoPrepare = MaxAutoPrepare;
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
