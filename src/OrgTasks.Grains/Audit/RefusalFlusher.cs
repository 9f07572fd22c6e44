using Microsoft.Extensions.Hosting;
using OrgTasks.Grains.Identity;
using OrgTasks.Grains.Telemetry;

namespace OrgTasks.Grains.Audit;

/// <summary>Moves the refusal counts of each finished minute into the audit trail, and what is left when the silo stops.</summary>
internal sealed class RefusalFlusher(RefusalTally tally, IAuditTrail trail, ILogger<RefusalFlusher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, stoppingToken);
                await FlushAsync(all: false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
        await FlushAsync(all: true);
    }

    private async Task FlushAsync(bool all)
    {
        var lines = tally.Drain(all);
        if (lines.Count == 0) return;
        try
        {
            await trail.AppendAsync(lines);
        }
        catch (Exception error)
        {
            // The store is down: the counts are lost with this round rather than blocking calls; say how many.
            Log.RefusalsNotRecorded(logger, error, lines.Sum(l => l.Count));
        }
    }
}
