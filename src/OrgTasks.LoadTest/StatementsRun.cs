using System.Diagnostics;
using OrgTasks.Grains;
using OrgTasks.Client.Connection;
using OrgTasks.Identity;
using OrgTasks.Grains.Durability;
using OrgTasks.Organization;

namespace OrgTasks.LoadTest;

/// <summary>
/// Many agents sending statements to the committee at once, then a count of what arrived: every acknowledged
/// statement must be in the inbox exactly once. Time to the inbox is from the moment the client sent it to the moment
/// the committee's inbox stored it.
/// </summary>
internal sealed class StatementsRun(TextWriter progress, bool terminal)
{
    private const string Text = "load test statement";
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(250);
    private const int RouteReads = 64;

    private readonly Lock _gate = new();
    private readonly List<StatementSend> _sends = [];
    private readonly List<StatementSend> _warmupSends = [];
    private long _started;
    private long _acknowledged;
    private long _failed;
    private long _inFlight;
    private bool _fellBehind;
    private string? _firstError;
    private readonly Histogram _ackLatency = new();

    public async Task<StatementsResult> RunAsync(LoadTestTarget target, OrganizationSpec spec, StatementLoad load, CancellationToken cancellation)
    {
        var authors = StatementAuthors.Pick(spec, load.Agents);
        progress.WriteLine($"loadtest: waking {Format.Count(authors.Count)} authors (not timed) …");
        // Reads, so safe to repeat: a silo that dies while the authors wake costs a retry, not the run.
        await FanOutAsync(authors, 256, author => Transient.RetryAsync(
            () => target.Client.As(null, () => target.Client.Grains.GetGrain<IAgentGrain>(author).GetConfig()),
            budget: null, Transient.QuickAttemptLimit, cancellation));

        WarmupFigures? warmup = null;
        if (load.Warmup > TimeSpan.Zero)
        {
            progress.WriteLine($"loadtest: warming up, not in the figures: {load.Describe(load.Warmup)} …");
            var seconds = await SendAsync(target, authors, load, load.Warmup, "now the measured load", cancellation);
            warmup = TakeWarmup(seconds);
        }

        target.Meter?.Take();
        var cpuBefore = ProcessFigures.CpuTime();
        var allocatedBefore = ProcessFigures.AllocatedBytes();
        progress.WriteLine($"loadtest: sending {load.Describe()} …");
        var firstSend = DateTimeOffset.UtcNow;
        await SendAsync(target, authors, load, load.Duration, "waiting for them to arrive", cancellation);

        var committee = spec.Committee.Id;
        var journal = target.SiloService<IStatementJournal>();
        var drainLimit = Stopwatch.StartNew();
        List<StatementSend> sends;
        lock (_gate) sends = [.. _sends];
        // Warm-up statements are owed to the inbox as much as the measured ones: both are checked, only these are timed.
        List<StatementSend> owed = [.. _warmupSends, .. sends];
        while (true)
        {
            if (journal is not null) await CheckInboxAsync(journal, committee, owed);
            else await CheckRoutesAsync(target.Client, owed, cancellation);
            var waiting = owed.Count(s => s.Arrivals == 0);
            if (waiting == 0 || drainLimit.Elapsed > load.Drain || cancellation.IsCancellationRequested) break;
            await Task.Delay(CheckInterval, cancellation);
        }
        var calls = target.Meter?.Take();
        var cpu = ProcessFigures.CpuTime() - cpuBefore;
        var allocated = ProcessFigures.AllocatedBytes() - allocatedBefore;

        var arrived = sends.Where(s => s.ArrivedAt is not null).ToList();
        var toInbox = arrived.Select(s => (s.ArrivedAt!.Value - s.SentAt).TotalMilliseconds).ToList();
        var lastArrival = arrived.Count == 0 ? firstSend : arrived.Max(s => s.ArrivedAt!.Value);
        var span = (lastArrival - firstSend).TotalSeconds;
        return new StatementsResult
        {
            Load = load,
            Authors = authors.Count,
            Sent = Interlocked.Read(ref _started),
            Acknowledged = sends.Count,
            SendFailures = Interlocked.Read(ref _failed),
            FirstSendError = _firstError,
            FellBehind = _fellBehind,
            Arrived = arrived.Count,
            Lost = owed.Count(s => s.Arrivals == 0),
            Doubled = owed.Count(s => s.Arrivals > 1),
            Warmup = warmup,
            Seconds = span,
            PerSecond = span > 0 ? arrived.Count / span : null,
            ToInboxP50Ms = Stats.Percentile(toInbox, 0.5),
            ToInboxP99Ms = Stats.Percentile(toInbox, 0.99),
            ToInboxMaxMs = toInbox.Count == 0 ? null : toInbox.Max(),
            AckP50Ms = _ackLatency.PercentileMs(0.5),
            AckP99Ms = _ackLatency.PercentileMs(0.99),
            Calls = calls,
            CpuSeconds = target.InProcess ? cpu.TotalSeconds : null,
            AllocatedBytes = target.InProcess ? allocated : null,
            PeakMemoryBytes = target.InProcess ? ProcessFigures.PeakWorkingSet() : null,
            CountedFrom = journal is not null ? "the committee's inbox in the silo's statement journal" : "each statement's route (inbox hops)",
        };
    }

    /// <summary>One stretch of sending, with a progress line a second; answers how long the sending took.</summary>
    private async Task<double> SendAsync(LoadTestTarget target, IReadOnlyList<string> authors, StatementLoad load, TimeSpan duration, string next, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        using var reporter = new CancellationTokenSource();
        var reporting = ReportAsync(clock, target.SiloService<IStatementJournal>(), reporter.Token);
        if (load.Rate is { } rate) await SendAtRateAsync(target.Client, authors, rate, duration, cancellation);
        else await SendAsFastAsync(target.Client, authors, load.InFlight, duration, cancellation);
        var seconds = clock.Elapsed.TotalSeconds;
        await reporter.CancelAsync();
        await reporting;
        if (terminal) progress.WriteLine();
        progress.WriteLine($"loadtest: {Format.Count(_acknowledged)} statements acknowledged in {Format.Seconds(seconds)}"
            + (_failed > 0 ? $", {Format.Count(_failed)} sends failed ({_firstError})" : "")
            + $"; {next} …");
        return seconds;
    }

    /// <summary>Sets the warm-up's sends aside (still owed to the inbox) and starts the counters afresh for the measured stretch.</summary>
    private WarmupFigures TakeWarmup(double seconds)
    {
        lock (_gate)
        {
            _warmupSends.AddRange(_sends);
            _sends.Clear();
        }
        var figures = new WarmupFigures(Interlocked.Exchange(ref _started, 0), Interlocked.Exchange(ref _acknowledged, 0),
            Interlocked.Exchange(ref _failed, 0), seconds);
        _ackLatency.Reset();
        return figures;
    }

    /// <summary>Closed loop: <paramref name="inFlight"/> writers, each sending its next statement as soon as the last is acknowledged.</summary>
    private async Task SendAsFastAsync(OrgTasksClient client, IReadOnlyList<string> authors, int inFlight, TimeSpan duration, CancellationToken cancellation)
    {
        var until = Stopwatch.StartNew();
        var next = -1L;
        var writers = Enumerable.Range(0, inFlight).Select(async _ =>
        {
            await Task.Yield();
            while (until.Elapsed < duration && !cancellation.IsCancellationRequested)
            {
                var author = authors[(int)(Interlocked.Increment(ref next) % authors.Count)];
                await SendOneAsync(client, author, cancellation);
            }
        });
        await Task.WhenAll(writers);
    }

    /// <summary>Open loop: statements started on a clock whatever the answers do, as the rate asks.</summary>
    private async Task SendAtRateAsync(OrgTasksClient client, IReadOnlyList<string> authors, double rate, TimeSpan duration, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var running = new List<Task>();
        var started = 0L;
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
        while (clock.Elapsed < duration && await tick.WaitForNextTickAsync(cancellation))
        {
            var due = (long)(Math.Min(clock.Elapsed.TotalSeconds, duration.TotalSeconds) * rate);
            for (; started < due; started++)
            {
                if (Interlocked.Read(ref _inFlight) >= StatementLoad.RateInFlightLimit)
                {
                    _fellBehind = true; // the system cannot keep up with this rate: the sends not started are not counted
                    started = due;
                    break;
                }
                running.Add(SendOneAsync(client, authors[(int)(started % authors.Count)], cancellation));
            }
            if (running.Count > 10_000) running.RemoveAll(t => t.IsCompleted);
        }
        await Task.WhenAll(running);
    }

    private async Task SendOneAsync(OrgTasksClient client, string author, CancellationToken cancellation)
    {
        Interlocked.Increment(ref _started);
        Interlocked.Increment(ref _inFlight);
        var sentAt = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        try
        {
            var id = await client.SendStatementAsync(author, Addressee.Committee, Text, StatementKind.Report, cancellation);
            _ackLatency.Record(watch.Elapsed);
            Interlocked.Increment(ref _acknowledged);
            lock (_gate) _sends.Add(new StatementSend(id, author, sentAt));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // Not acknowledged, so not owed: counted as a failed send, never as lost.
            Interlocked.Increment(ref _failed);
            Interlocked.CompareExchange(ref _firstError, error.GetBaseException().Message, null);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task ReportAsync(Stopwatch clock, IStatementJournal? journal, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(ProgressInterval);
        var last = 0L;
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                var acknowledged = Interlocked.Read(ref _acknowledged);
                var line = $"statements: {Format.Count(acknowledged)} acknowledged, {Format.Count(acknowledged - last)}/s, "
                    + $"{Format.Count(Interlocked.Read(ref _inFlight))} in flight, {Format.Count(Interlocked.Read(ref _failed))} failed, "
                    + Format.Seconds(clock.Elapsed.TotalSeconds)
                    + (journal is null ? "" : await WaitingAsync(journal));
                last = acknowledged;
                if (terminal) progress.Write("\r" + line.PadRight(100));
                else progress.WriteLine(line);
            }
        }
        catch (OperationCanceledException)
        {
            // the sending ended
        }
    }

    /// <summary>Where statements wait on their way up (in-process only): the total held and the busiest holder.</summary>
    private static async Task<string> WaitingAsync(IStatementJournal journal)
    {
        var held = await journal.LoadHeldSinceAsync(DateTimeOffset.MaxValue, int.MaxValue);
        if (held.Count == 0) return ", none held";
        var busiest = held.GroupBy(h => h.Hop.Holder).MaxBy(g => g.Count())!;
        return $", {Format.Count(held.Count)} held on the way (most at {busiest.Key}: {Format.Count(busiest.Count())})";
    }

    /// <summary>Counts every inbox record by statement id, straight from the silo's journal: doubles cannot hide there.</summary>
    private static async Task CheckInboxAsync(IStatementJournal journal, string committee, List<StatementSend> sends)
    {
        var inbox = await journal.LoadInboxAsync(committee, int.MaxValue);
        var byId = new Dictionary<string, (int Count, DateTimeOffset At)>(StringComparer.Ordinal);
        foreach (var entry in inbox)
        {
            byId.TryGetValue(entry.Statement.Id, out var seen);
            byId[entry.Statement.Id] = (seen.Count + 1, seen.Count == 0 ? entry.ArrivedAt : Min(seen.At, entry.ArrivedAt));
        }
        foreach (var send in sends)
        {
            if (!byId.TryGetValue(send.Id, out var found)) continue;
            send.Arrivals = found.Count;
            send.ArrivedAt = found.At;
        }
    }

    /// <summary>Against a remote cluster: each statement's route, read once it has arrived; its inbox hops are counted.</summary>
    private static async Task CheckRoutesAsync(OrgTasksClient client, List<StatementSend> sends, CancellationToken cancellation)
    {
        var waiting = sends.Where(s => s.Arrivals == 0).ToList();
        await FanOutAsync(waiting, RouteReads, async send =>
        {
            // A read: retried like a send when the silo answering it dies, so the count is never cut short by a kill.
            var route = await Transient.RetryAsync(() => client.GetRouteAsync(send.Id), budget: null, Transient.QuickAttemptLimit, cancellation);
            var inboxHops = route.Hops.Where(h => h.Role == HopRole.Inbox).ToList();
            if (!route.Delivered || inboxHops.Count == 0) return;
            send.Arrivals = inboxHops.Count;
            send.ArrivedAt = inboxHops.Min(h => h.AcceptedAt);
        });
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static async Task FanOutAsync<T>(IReadOnlyList<T> items, int limit, Func<T, Task> call)
    {
        using var gate = new SemaphoreSlim(limit);
        await Task.WhenAll(items.Select(async item =>
        {
            await gate.WaitAsync();
            try { await call(item); }
            finally { gate.Release(); }
        }));
    }
}
