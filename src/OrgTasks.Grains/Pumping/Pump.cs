namespace OrgTasks.Grains.Pumping;

/// <summary>
/// Runs a grain's hand-over work (its outbox) in the background of the activation: started at once when work arrives,
/// again every retry interval while anything is left, and stopped when nothing is. The work interleaves with the
/// grain's calls, so a unit keeps accepting statements while it waits for the next hop; everything the work touches is
/// changed only between awaits, on the activation's single thread.
/// </summary>
/// <remarks>
/// A kick starts the work in the caller's own turn instead of through a grain timer: the work runs up to its first
/// await there (sending the next hop its calls), and its continuations run on the activation like any other, so it
/// interleaves exactly as an interleaving timer tick did. What it saves is the timer: registering one and its tick
/// message cost one more message and one more scheduling delay per unit per leaflet and per hop per statement batch;
/// the load test's profile showed ~3,000 tick messages in a citywide leaflet of ~36,000. The timer is kept for what
/// it is good at, retrying while work is left.
/// </remarks>
public sealed class Pump(Grain grain, Func<CancellationToken, Task<bool>> work, TimeSpan retryInterval) : IDisposable
{
    private IGrainTimer? _retry;
    private bool _running;
    private bool _again;
    private bool _disposed;

    /// <summary>Runs the work now (or right after the run in progress).</summary>
    public void Kick()
    {
        if (_disposed) return;
        if (_running)
        {
            _again = true;
            return;
        }
        _ = RunAsync(CancellationToken.None);
    }

    /// <summary>
    /// Runs the work soon, from a timer tick rather than in the caller's turn: for an activation that finds work while
    /// it activates, so that nothing is sent before the activation has finished.
    /// </summary>
    public void Schedule()
    {
        if (_disposed || _running) return;
        Arm(TimeSpan.Zero);
    }

    private async Task RunAsync(CancellationToken cancellation)
    {
        if (_running || _disposed) return;
        _running = true;
        var more = true;
        try
        {
            do
            {
                _again = false;
                // The work says whether anything is left; a failed hand-over leaves work for the retry.
                more = await work(cancellation);
            }
            while (_again && !cancellation.IsCancellationRequested && !_disposed);
        }
        catch (Exception)
        {
            // The work reports its own failures; whatever escaped it is retried like a failed hand-over.
            more = true;
        }
        finally
        {
            _running = false;
        }
        if (_disposed) return;
        if (more || _again) Arm(retryInterval);
        else Disarm();
    }

    private void Arm(TimeSpan due)
    {
        if (_retry is null)
        {
            _retry = grain.RegisterGrainTimer(RunAsync, new GrainTimerCreationOptions
            {
                DueTime = due,
                Period = retryInterval,
                Interleave = true,
                KeepAlive = true,
            });
        }
        else
        {
            _retry.Change(due, retryInterval);
        }
    }

    private void Disarm()
    {
        _retry?.Dispose();
        _retry = null;
    }

    public void Dispose()
    {
        _disposed = true;
        Disarm();
    }
}
