using System.Collections.Concurrent;
using System.Diagnostics;
using OrgTasks.Grains.Durability;
using OrgTasks.Statements;

namespace OrgTasks.JournalBench;

/// <summary>
/// Statements going up seven hops (group, its contact, district, its contact, committee, its contact, the Central
/// Committee's inbox) as the grains journal them: each hop accepts before it acknowledges, and the holder below marks
/// it passed after that acknowledgement, off the statement's critical path. Closed loop: a fixed number of statements
/// in flight, each started as soon as one arrives.
/// </summary>
internal static class StatementBench
{
    private const int Statements = 10_000;

    private static readonly HopRole[] Roles =
        [HopRole.Unit, HopRole.Contact, HopRole.Unit, HopRole.Contact, HopRole.Unit, HopRole.Contact, HopRole.Inbox];

    public static async Task RunAsync(BenchDatabase database, IStatementJournal journal)
    {
        Console.WriteLine($"statements: {Statements:N0} x {Roles.Length} hops (accept + mark passed at each), closed loop");
        await RunAsync(journal, "warm-", Statements / 10, 128, new ConcurrentBag<double>(), new ConcurrentBag<double>()); // JIT, pool, plans
        foreach (var inFlight in new[] { 64, 128, 256, 512, 1_024 })
        {
            var run = "r" + inFlight + "-";
            var before = await WriteCost.MeasureAsync(database, "journal_statements, journal_hops");
            var toInbox = new ConcurrentBag<double>();
            var calls = new ConcurrentBag<double>();
            var cpu = Machine.Cpu();
            var clock = Stopwatch.StartNew();
            await RunAsync(journal, run, Statements, inFlight, toInbox, calls);
            var seconds = clock.Elapsed.TotalSeconds;
            var cost = await WriteCost.MeasureAsync(database, "journal_statements, journal_hops") - before;
            Console.WriteLine(
                $"  {inFlight,5} in flight: {Statements / seconds,8:N0} statements/s ({Statements * Roles.Length / seconds:N0} hops/s); " +
                $"to inbox p50 {Percentile(toInbox, 0.50):0.0} ms, p99 {Percentile(toInbox, 0.99):0.0} ms; " +
                $"one journal call p50 {Percentile(calls, 0.50):0.0} ms, p99 {Percentile(calls, 0.99):0.0} ms; " +
                $"WAL {WriteCost.Bytes(cost.WalBytes / Statements)}/statement; " +
                $"client CPU {(Machine.Cpu() - cpu).TotalMilliseconds * 1000 / Statements:0} µs/statement; load {Machine.Load()}");
        }
    }

    /// <summary><paramref name="count"/> statements, <paramref name="inFlight"/> at a time.</summary>
    private static Task RunAsync(
        IStatementJournal journal, string run, int count, int inFlight, ConcurrentBag<double> toInbox, ConcurrentBag<double> calls)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count) await OneAsync(journal, run, i, toInbox, calls);
        })));
    }

    private static async Task OneAsync(IStatementJournal journal, string run, int i, ConcurrentBag<double> toInbox, ConcurrentBag<double> calls)
    {
        var statement = new Statement
        {
            Id = $"{run}{i:00000}",
            Author = $"agent-{i % 24_000:00000}",
            To = Addressee.CentralCommittee,
            Text = "The Putilov works ask for 500 more copies of the last leaflet; the district's contact is watched.",
            WrittenAt = DateTimeOffset.UtcNow,
        };
        string[] holders =
        [
            $"spb/g{i % 3_000:0000}", $"agent-c{i % 3_000:0000}", $"spb/d{i % 12:00}", $"agent-d{i % 12:00}", "spb", "agent-spb", "cc",
        ];
        var started = Stopwatch.GetTimestamp();
        var passes = new List<Task>(Roles.Length);
        for (var hop = 0; hop < Roles.Length; hop++)
        {
            var call = Stopwatch.GetTimestamp();
            var held = new HeldStatement
            {
                Statement = statement,
                Hop = new StatementHop
                {
                    StatementId = statement.Id, Holder = holders[hop], Role = Roles[hop], Unit = holders[hop],
                    Contact = Roles[hop] == HopRole.Inbox ? null : holders[hop], AcceptedAt = DateTimeOffset.UtcNow,
                },
            };
            if (!(await journal.AcceptAsync(holders[hop], [held]))[0]) throw new InvalidOperationException($"{statement.Id} accepted twice");
            calls.Add(Stopwatch.GetElapsedTime(call).TotalMilliseconds);
            if (hop > 0) passes.Add(journal.MarkPassedAsync(holders[hop - 1], [statement.Id], holders[hop], DateTimeOffset.UtcNow));
        }
        toInbox.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        await Task.WhenAll(passes);
    }

    private static double Percentile(ConcurrentBag<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
    }
}
