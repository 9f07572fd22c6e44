using System.Diagnostics;
using OrgTasks.Client;
using OrgTasks.Client.Connection;
using OrgTasks.Grains;
using OrgTasks.Identity;

namespace OrgTasks.Tests.Cluster;

/// <summary>
/// Measures what a client notices when a silo goes: each of many agents is asked for its configuration over and over
/// (one call at a time, no retry), and every failed call is recorded. The agents' grains are spread over the silos, so
/// some live on the silo that goes; a call to one of those fails until the cluster has declared the silo dead and the
/// grain is activated on a survivor. The pause of an agent is from the first failure to the next success.
/// </summary>
public sealed class PauseMeter : IAsyncDisposable
{
    /// <summary>Long enough that a call is failed by Orleans (the silo declared dead), not by the meter giving up.</summary>
    private static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task<Probe>> _probes;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly DateTime _started = DateTime.UtcNow;

    private readonly bool retrying;

    /// <param name="client">The client to probe through.</param>
    /// <param name="agents">The agents to ask.</param>
    /// <param name="retrying">
    /// False: bare grain calls, each failure counted (what Orleans itself does). True: calls through the client
    /// library's retry (what an app sees): a call that took more than a second is counted as paused.
    /// </param>
    public PauseMeter(OrgTasksClient client, IEnumerable<string> agents, bool retrying)
    {
        this.retrying = retrying;
        _probes = agents.Select(agent => Task.Run(() => ProbeAsync(client, agent, _stop.Token))).ToList();
    }

    /// <summary>
    /// Stops probing and sums up: the longest pause any agent saw, how many agents saw one, and how long after
    /// <paramref name="since"/> (the kill) the last of them answered again.
    /// </summary>
    public async Task<PauseReport> StopAsync(DateTime since)
    {
        await _stop.CancelAsync();
        var probes = await Task.WhenAll(_probes);
        var pauses = probes.Where(p => p.LongestPause > TimeSpan.Zero).ToList();
        return new PauseReport(
            probes.Length,
            pauses.Count,
            pauses.Count == 0 ? TimeSpan.Zero : pauses.Max(p => p.LongestPause),
            probes.Sum(p => p.Failures),
            probes.Sum(p => p.Calls),
            pauses.Count == 0 ? TimeSpan.Zero : _started + pauses.Max(p => p.RecoveredAt) - since);
    }

    private async Task<Probe> ProbeAsync(OrgTasksClient client, string agent, CancellationToken stop)
    {
        var probe = new Probe();
        TimeSpan? failingSince = null;
        while (!stop.IsCancellationRequested)
        {
            var at = _clock.Elapsed;
            probe.Calls++;
            try
            {
                if (retrying)
                {
                    // As a client app on the client library does: retry what is transient, give up an attempt that
                    // hangs after the quick-attempt limit. The pause is then how long one logical call took.
                    var began = _clock.Elapsed;
                    await Transient.RetryAsync(() => client.As(null, () => client.Grains.GetGrain<IAgentGrain>(agent).GetConfig()),
                        TimeSpan.FromSeconds(60), Transient.QuickAttemptLimit, stop);
                    var took = _clock.Elapsed - began;
                    if (took > TimeSpan.FromSeconds(1)) { probe.Failures++; failingSince ??= began; }
                }
                else
                {
                    await client.As(null, () => client.Grains.GetGrain<IAgentGrain>(agent).GetConfig()).WaitAsync(CallLimit, stop);
                }
                if (failingSince is { } since)
                {
                    var pause = _clock.Elapsed - since;
                    if (pause > probe.LongestPause) probe.LongestPause = pause;
                    probe.RecoveredAt = _clock.Elapsed;
                    failingSince = null;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Still waiting for an answer when measuring stopped: a call hanging for over a second is a pause so far.
                if (_clock.Elapsed - at > TimeSpan.FromSeconds(1))
                {
                    failingSince ??= at;
                    probe.Failures++;
                }
                break;
            }
            catch (Exception)
            {
                probe.Failures++;
                failingSince ??= at;
            }
            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        // Still failing when measuring stopped: the pause lasted at least until now.
        if (failingSince is { } open)
        {
            probe.LongestPause = TimeSpan.FromTicks(Math.Max(probe.LongestPause.Ticks, (_clock.Elapsed - open).Ticks));
            probe.RecoveredAt = _clock.Elapsed;
        }
        return probe;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_probes);
        }
        finally
        {
            _stop.Dispose();
        }
    }

    private sealed class Probe
    {
        public int Calls;
        public int Failures;
        public TimeSpan LongestPause;
        public TimeSpan RecoveredAt;
    }
}

/// <summary>What <see cref="PauseMeter"/> saw.</summary>
public sealed record PauseReport(int Agents, int AgentsPaused, TimeSpan LongestPause, int FailedCalls, int Calls, TimeSpan AllAnsweringAfter)
{
    public override string ToString() =>
        $"{AgentsPaused} of {Agents} probed agents paused; longest pause {LongestPause.TotalSeconds:0.00} s (from the start of the "
        + $"first call that failed to the next that answered); all answering again {AllAnsweringAfter.TotalSeconds:0.00} s after the kill; "
        + $"{FailedCalls} of {Calls} probe calls failed";
}
