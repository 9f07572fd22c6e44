using System.Diagnostics;

namespace OrgTasks.Cli.Output;

/// <summary>
/// Shows that a single long call (applying a million-home city takes half a minute) is still under way: the time
/// so far, redrawn in place on a terminal, or a line now and then into a file or a pipe.
/// </summary>
internal sealed class ElapsedTicker : IAsyncDisposable
{
    private static readonly TimeSpan TerminalInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(5);

    private readonly TextWriter _stderr;
    private readonly bool _terminal;
    private readonly string _what;
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _ticking;

    public ElapsedTicker(TextWriter stderr, bool terminal, string what)
    {
        _stderr = stderr;
        _terminal = terminal;
        _what = what;
        if (terminal) stderr.Write($"{what} …");
        else stderr.WriteLine($"{what} …");
        _ticking = TickAsync();
    }

    public TimeSpan Elapsed => _watch.Elapsed;

    private async Task TickAsync()
    {
        using var timer = new PeriodicTimer(_terminal ? TerminalInterval : LineInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                if (_terminal) _stderr.Write($"\r{_what} … {Format.Seconds(_watch.Elapsed.TotalSeconds)}");
                else _stderr.WriteLine($"{_what} … still running after {Format.Seconds(_watch.Elapsed.TotalSeconds)}");
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the call returned.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _ticking;
        if (_terminal) _stderr.WriteLine($"\r{_what} … {Format.Seconds(_watch.Elapsed.TotalSeconds)}");
        _stop.Dispose();
    }
}
