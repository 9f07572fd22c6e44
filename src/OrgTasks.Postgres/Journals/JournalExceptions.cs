namespace OrgTasks.Postgres.Journals;

/// <summary>
/// The journal's database cannot be reached or gave up on a batch (an outage, a restart, a lost connection). Nothing
/// of the failed call was acknowledged; the grains retry it, and every write is idempotent, so a retry that lands after
/// an unseen commit changes nothing.
/// </summary>
public sealed class JournalUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>PostgreSQL refused this call's own data (for example a text it cannot store). The writer keeps running.</summary>
public sealed class JournalWriteRejectedException(string message, Exception? inner = null) : Exception(message, inner);
