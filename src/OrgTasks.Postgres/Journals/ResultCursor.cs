using Npgsql;

namespace OrgTasks.Postgres.Journals;

/// <summary>
/// Walks the result sets of one batch. Npgsql skips the commands that return no rows, so the result sets are exactly
/// the RETURNING commands, in the order the sections added them.
/// </summary>
internal sealed class ResultCursor(NpgsqlDataReader reader)
{
    private bool _started;

    /// <summary>Moves to the next command's rows and returns the reader positioned before its first row.</summary>
    public async Task<NpgsqlDataReader> NextAsync(CancellationToken cancellation)
    {
        if (_started && !await reader.NextResultAsync(cancellation))
            throw new InvalidOperationException("the batch returned fewer result sets than its sections expect");
        _started = true;
        return reader;
    }
}
