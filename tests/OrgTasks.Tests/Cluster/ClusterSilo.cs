using System.Diagnostics;
using System.Text;
using OrgTasks.Tests.EndToEnd;

namespace OrgTasks.Tests.Cluster;

/// <summary>
/// One real <c>orgtasks silo</c> process of a <see cref="LocalCluster"/>: its own ports on 127.0.0.1, the cluster's
/// id and database. It can be killed (SIGKILL), stopped (SIGTERM) and started again on the same ports. Membership
/// timing is the project's default; only the grains' retry and resume intervals are shortened, through the ordinary
/// <c>OrgTasks__…</c> configuration variables, to keep the tests quick.
/// </summary>
/// <param name="name">How the silo is called in failure output.</param>
/// <param name="connectionString">The cluster's database.</param>
/// <param name="clusterId">The cluster's id.</param>
/// <param name="arguments">More options for <c>orgtasks silo</c> (a certificate of another CA, <c>--insecure</c>).</param>
/// <param name="environment">More environment variables (an own <c>ORGTASKS_CONFIG</c>).</param>
public sealed class ClusterSilo(string name, string connectionString, string clusterId,
    IReadOnlyList<string>? arguments = null, IReadOnlyDictionary<string, string>? environment = null) : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly StringBuilder _output = new();
    private readonly int[] _ports = OrgTasks.Cli.Hosting.FreePorts.Take(3);
    private Process? _process;

    public string Name { get; } = name;
    public int SiloPort => _ports[0];
    public string Gateway => $"127.0.0.1:{_ports[1]}";
    public int HealthPort => _ports[2];

    /// <summary>When the last kill happened (SIGKILL returned), for measuring the pause that followed.</summary>
    public DateTime? KilledAt { get; private set; }

    public bool IsRunning => _process is { HasExited: false };

    public int? ExitCode => _process is { HasExited: true } process ? process.ExitCode : null;

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public async Task StartAsync() => await StartAsync(StartTimeout);

    /// <summary>Starts the process and waits for "ready"; throws with the output when it exits or times out first.</summary>
    public async Task StartAsync(TimeSpan timeout)
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Record($"--- start {DateTime.UtcNow:HH:mm:ss.fff} ---");
        _process?.Dispose();
        var process = _process = OrgTasksProcess.Start(
            ["silo", "--storage", "postgres", "--connection", connectionString, "--cluster-id", clusterId,
             "--silo-port", _ports[0].ToString(), "--gateway-port", _ports[1].ToString(), "--health-port", _ports[2].ToString(),
             .. arguments ?? []],
            new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
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
        var first = await Task.WhenAny(ready.Task, exited, Task.Delay(timeout));
        if (first != ready.Task)
            throw new InvalidOperationException($"silo {Name} did not become ready ({(first == exited ? "exited" : "timed out")}):\n{Output}");
    }

    /// <summary>GET on the silo's health endpoint: the status code and the one-line body.</summary>
    public async Task<(int Status, string Body)> HealthAsync(string path)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync($"http://127.0.0.1:{HealthPort}{path}");
        return ((int)response.StatusCode, (await response.Content.ReadAsStringAsync()).Trim());
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the membership table; the others must find out by probing.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } process) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        KilledAt = DateTime.UtcNow;
        Record($"--- killed {KilledAt:HH:mm:ss.fff} ---");
    }

    /// <summary>SIGTERM, then wait for the graceful stop to finish.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process) return;
        Record($"--- SIGTERM {DateTime.UtcNow:HH:mm:ss.fff} ---");
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()])!) await kill.WaitForExitAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(limit.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        _process?.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
