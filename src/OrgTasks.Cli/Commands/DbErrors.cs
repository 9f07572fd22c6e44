using Npgsql;
using OrgTasks.Postgres.Managed;
using OrgTasks.Postgres.Schema;

namespace OrgTasks.Cli.Commands;

/// <summary>
/// PostgreSQL not installed, not reachable, a schema newer than this build, a refused statement: each is the user's
/// to act on, so each becomes one line (<c>orgtasks: …</c>) instead of a stack trace.
/// </summary>
internal static class DbErrors
{
    public static async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception error) when (error is PostgresSetupException or SchemaTooNewException or NpgsqlException)
        {
            throw new CliException(error.Message);
        }
    }
}
