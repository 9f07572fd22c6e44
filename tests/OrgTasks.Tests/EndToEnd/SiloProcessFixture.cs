using System.Diagnostics;
using System.Text;

namespace OrgTasks.Tests.EndToEnd;

/// <summary>
/// A real <c>orgtasks silo --storage memory</c> process on free ports, shared by the end-to-end tests that need a
/// cluster. Started once, ready when it prints <c>ready</c>; the whole process tree is killed at the end.
/// </summary>
public sealed class SiloProcessFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lazy<Task> _sampleApplied;
    private Process? _silo;

    public SiloProcessFixture()
    {
        _sampleApplied = new Lazy<Task>(ApplySampleAsync);
        var ports = OrgTasks.Cli.Hosting.FreePorts.Take(2);
        SiloPort = ports[0];
        GatewayPort = ports[1];
    }

    public int SiloPort { get; }
    public int GatewayPort { get; }
    public string ClusterId { get; } = "e2e-" + Guid.NewGuid().ToString("N")[..8];
    public string Gateway => $"127.0.0.1:{GatewayPort}";

    /// <summary>Everything the silo printed so far, both streams: shown when a test against it fails.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public async Task InitializeAsync()
    {
        _silo = OrgTasksProcess.Start(
            ["silo", "--storage", "memory", "--silo-port", SiloPort.ToString(), "--gateway-port", GatewayPort.ToString(), "--cluster-id", ClusterId]);
        _silo.OutputDataReceived += (_, line) => Record(line.Data, isReady: line.Data == "ready");
        _silo.ErrorDataReceived += (_, line) => Record(line.Data, isReady: false);
        _silo.BeginOutputReadLine();
        _silo.BeginErrorReadLine();

        var exited = _silo.WaitForExitAsync();
        var first = await Task.WhenAny(_ready.Task, exited, Task.Delay(StartTimeout));
        if (first != _ready.Task)
        {
            var why = first == exited ? $"exited with code {_silo.ExitCode}" : $"did not print 'ready' within {StartTimeout}";
            throw new InvalidOperationException($"orgtasks silo {why}:\n{Output}");
        }
    }

    /// <summary>Runs an orgtasks client command against this silo.</summary>
    public Task<CliRun> RunAsync(params string[] arguments) =>
        OrgTasksProcess.RunAsync([.. arguments, "--gateway", Gateway, "--cluster-id", ClusterId]);

    /// <summary>Applies samples/st-petersburg.yaml once for all the tests that read or use it.</summary>
    public Task SampleAppliedAsync() => _sampleApplied.Value;

    public async Task DisposeAsync()
    {
        if (_silo is null) return;
        if (!_silo.HasExited) _silo.Kill(entireProcessTree: true);
        await _silo.WaitForExitAsync();
        _silo.Dispose();
    }

    private async Task ApplySampleAsync()
    {
        var run = await RunAsync("org", "apply", Path.Combine("samples", "st-petersburg.yaml"));
        if (run.ExitCode != 0) throw new InvalidOperationException($"applying the sample failed:\n{run}\n--- silo ---\n{Output}");
    }

    private void Record(string? line, bool isReady)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (isReady) _ready.TrySetResult();
    }
}

[CollectionDefinition(Name)]
public sealed class SiloProcessCollection : ICollectionFixture<SiloProcessFixture>
{
    public const string Name = "orgtasks silo process";
}
