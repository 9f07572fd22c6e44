namespace OrgTasks.Cli.Leaflets;

/// <summary>Follows a leaflet until every home has it or its deadline passes, drawing progress as it goes.</summary>
internal static class CoverageWait
{
    /// <summary>
    /// Often enough for a progress bar that feels live, rarely enough that the tracker grain (which also takes every
    /// unit's report) is not kept busy answering the watcher.
    /// </summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The last status seen: complete, past its deadline (<see cref="LeafletStatus.DeadlinePassed"/>), or closed.</summary>
    public static async Task<LeafletStatus> WaitAsync(OrgTasksClient client, string leafletId, CoverageProgress progress,
        CancellationToken cancellation)
    {
        LeafletStatus? last = null;
        try
        {
            await foreach (var status in client.WatchCoverageAsync(leafletId, PollInterval, cancellation))
            {
                progress.Report(status);
                last = status;
                if (status.DeadlinePassed || status.Closed is not null) break;
            }
        }
        finally
        {
            progress.Finish();
        }
        return last ?? throw new InvalidOperationException($"no status was read for leaflet {leafletId}");
    }
}
