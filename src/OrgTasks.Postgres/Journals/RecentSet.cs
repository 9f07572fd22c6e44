namespace OrgTasks.Postgres.Journals;

/// <summary>
/// Statement ids this writer has committed lately. A statement's text is written with its first hop; the six hops
/// after it skip the row instead of sending the text again for an ON CONFLICT probe (measured: a tenth of the hops'
/// database time). Two generations bound the memory; forgetting an id only costs one such probe. Touched by the
/// writer's loop alone.
/// </summary>
internal sealed class KnownStatements(int generation)
{
    private HashSet<string> _current = new(StringComparer.Ordinal);
    private HashSet<string> _previous = new(StringComparer.Ordinal);

    public bool Contains(string id) => _current.Contains(id) || _previous.Contains(id);

    /// <summary>Called after the commit that wrote (or found) these statements.</summary>
    public void Add(string id)
    {
        if (!_current.Add(id) || _current.Count < generation) return;
        (_previous, _current) = (_current, _previous);
        _current.Clear();
    }
}
