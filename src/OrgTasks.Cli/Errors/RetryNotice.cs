namespace OrgTasks.Cli.Errors;

/// <summary>
/// While the client library retries a storage failure (the cluster's PostgreSQL restarting or full), one progress line
/// on stderr says what is being waited for: <c>orgtasks: storage unavailable: …; retrying</c>. Not an error: the command
/// may still succeed. A run of retries for the same reason prints it once. Other transient failures (a silo that just
/// died) are over in seconds and stay quiet.
/// </summary>
internal sealed class RetryNotice(TextWriter stderr)
{
    private readonly Lock _gate = new();
    private string? _last;

    public void Retrying(Exception error)
    {
        if (error is not StorageUnavailableException storage) return;
        lock (_gate)
        {
            if (storage.Message == _last) return;
            _last = storage.Message;
            stderr.WriteLine($"{ErrorReporter.Prefix}{storage.Message}; retrying");
        }
    }
}
