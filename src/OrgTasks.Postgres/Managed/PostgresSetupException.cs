namespace OrgTasks.Postgres.Managed;

/// <summary>
/// PostgreSQL could not be found, prepared or started. The message is written for the person at the terminal: it
/// says what is wrong and what to do, and never carries a password.
/// </summary>
public sealed class PostgresSetupException(string message, Exception? inner = null) : Exception(message, inner);
