using System.Diagnostics;
using System.Text;
using OrgTasks.Client.Connection;
using OrgTasks.Tests.EndToEnd;

namespace OrgTasks.Tests.Crash;

/// <summary>
/// A real <c>orgtasks silo --storage postgres</c> process that a test can kill with SIGKILL and start again on the
/// same ports, cluster and database: the silo crash of the crash tests. Short retry and resume intervals (through the
/// ordinary <c>OrgTasks__…</c> configuration variables) keep the tests quick; the mechanisms are the production ones.
/// </summary>
public sealed class DurableSilo(string connectionString) : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly StringBuilder _output = new();
    private readonly int[] _ports = FreeTcpPort.Take(2);
    private Process? _process;

    public string ClusterId { get; } = "crash-" + Guid.NewGuid().ToString("N")[..8];
    public string Gateway => $"127.0.0.1:{_ports[1]}";

    /// <summary>Everything every run of this silo printed, both streams.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public async Task StartAsync()
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Record($"--- start {DateTime.UtcNow:HH:mm:ss.fff} ---");
        var process = _process = OrgTasksProcess.Start(
            ["silo", "--storage", "postgres", "--connection", connectionString,
             "--silo-port", _ports[0].ToString(), "--gateway-port", _ports[1].ToString(), "--cluster-id", ClusterId],
            new Dictionary<string, string>
            {
                ["OrgTasks__RetryInterval"] = "00:00:00.500",
                ["OrgTasks__ResumeInterval"] = "00:00:03",
            });
        process.OutputDataReceived += (_, line) =>
        {
            Record(line.Data);
            if (line.Data == "ready") ready.TrySetResult();
        };
        process.ErrorDataReceived += (_, line) => Record(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(ready.Task, exited, Task.Delay(StartTimeout));
        if (first != ready.Task)
            throw new InvalidOperationException($"the silo did not become ready ({(first == exited ? "exited" : "timed out")}):\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown, no flush, no goodbye to the membership table.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } process) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        Record($"--- killed {DateTime.UtcNow:HH:mm:ss.fff} ---");
    }

    /// <summary>SIGTERM, then wait for the graceful stop.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process) return;
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()])) await kill.WaitForExitAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(limit.Token);
    }

    public bool IsRunning => _process is { HasExited: false };

    public Task<OrgTasksConnection> ConnectAsync() =>
        OrgTasksConnection.ConnectAsync([Gateway], TimeSpan.FromSeconds(60), ClusterId);

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
