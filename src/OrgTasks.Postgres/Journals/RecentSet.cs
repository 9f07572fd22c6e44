namespace OrgTasks.Postgres.Journals;

/// <summary>
/// Keys the writer saw lately, in two generations so that memory stays bounded: when the current one is full it
/// becomes the previous one and the oldest keys are forgotten. Forgetting must only ever cost work, never correctness.
/// Touched by the writer's loop alone, so it needs no lock.
/// </summary>
internal sealed class RecentSet<T>(int generation) where T : notnull
{
    private HashSet<T> _current = [];
    private HashSet<T> _previous = [];

    public bool Contains(T key) => _current.Contains(key) || _previous.Contains(key);

    public void Add(T key)
    {
        if (!_current.Add(key) || _current.Count < generation) return;
        (_previous, _current) = (_current, _previous);
        _current.Clear();
    }

    /// <summary>Removes <paramref name="key"/>; true when it was there.</summary>
    public bool Remove(T key) => _current.Remove(key) | _previous.Remove(key);
}
