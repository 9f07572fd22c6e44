using System.Diagnostics;

namespace OrgTasks.Cli.Output;

/// <summary>
/// Live coverage of a leaflet on stderr. On a terminal one line is redrawn in place (<c>\r</c>); into a file or a
/// pipe a line is written every couple of seconds, so that a log of a long run stays readable.
/// </summary>
internal sealed class CoverageProgress(TextWriter stderr, bool terminal)
{
    private const int BarWidth = 30;
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(2);

    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private TimeSpan? _lastLine;
    private int _drawnWidth;

    public void Report(LeafletStatus status)
    {
        if (terminal)
        {
            var line = Bar(status) + "  " + Summary(status);
            // Blank out what is left of a longer previous line.
            stderr.Write("\r" + line.PadRight(_drawnWidth));
            _drawnWidth = line.Length;
            return;
        }
        if (_watch.Elapsed - _lastLine < LineInterval && !status.Complete) return; // the first line is never held back
        _lastLine = _watch.Elapsed;
        stderr.WriteLine("coverage: " + Summary(status));
    }

    /// <summary>Ends the redrawn line so that whatever is printed next starts on its own.</summary>
    public void Finish()
    {
        if (terminal && _drawnWidth > 0) stderr.WriteLine();
        _drawnWidth = 0;
    }

    private static string Bar(LeafletStatus status)
    {
        var share = status.HomesTotal == 0 ? 1.0 : (double)status.HomesReached / status.HomesTotal;
        var filled = (int)Math.Round(Math.Clamp(share, 0, 1) * BarWidth);
        return "[" + new string('#', filled) + new string('.', BarWidth - filled) + "]";
    }

    private string Summary(LeafletStatus status) =>
        $"{Format.Percent(status.HomesReached, status.HomesTotal)}  "
        + $"{Format.Count(status.HomesReached)} / {Format.Count(status.HomesTotal)} homes  "
        + $"{Format.Count(status.UnitsComplete)}/{Format.Count(status.UnitsTotal)} units  "
        + Format.Seconds(_watch.Elapsed.TotalSeconds)
        + (status.DeadlinePassed ? "  DEADLINE PASSED" : "");
}
