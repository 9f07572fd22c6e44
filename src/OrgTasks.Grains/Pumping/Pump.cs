namespace OrgTasks.Grains.Pumping;

/// <summary>
/// Runs a grain's hand-over work (its outbox) in the background of the activation: kicked when work arrives, again
/// every retry interval while anything is left, and stopped when nothing is. The timer interleaves with the grain's
/// calls, so a unit keeps accepting statements while it waits for the next hop; everything the work touches is
/// changed only between awaits, on the activation's single thread.
/// </summary>
public sealed class Pump(Grain grain, Func<CancellationToken, Task<bool>> work, TimeSpan retryInterval) : IDisposable
{
    private IGrainTimer? _timer;
    private bool _running;
    private bool _again;

    /// <summary>Runs the work as soon as possible (now, or right after the run in progress).</summary>
    public void Kick()
    {
        if (_running)
        {
            _again = true;
            return;
        }
        if (_timer is null)
        {
            _timer = grain.RegisterGrainTimer(Tick, new GrainTimerCreationOptions
            {
                DueTime = TimeSpan.Zero,
                Period = retryInterval,
                Interleave = true,
                KeepAlive = true,
            });
        }
        else
        {
            _timer.Change(TimeSpan.Zero, retryInterval);
        }
    }

    private async Task Tick(CancellationToken cancellation)
    {
        if (_running) return;
        _running = true;
        bool more;
        try
        {
            do
            {
                _again = false;
                // The work says whether anything is left; a failed hand-over leaves work for the next tick.
                more = await work(cancellation);
            }
            while (_again && !cancellation.IsCancellationRequested);
        }
        finally
        {
            _running = false;
        }
        if (!more && !_again)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _timer = null;
    }
}
