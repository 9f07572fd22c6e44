using System.Diagnostics;
using System.Text;
using OrgTasks.Tests.EndToEnd;

namespace OrgTasks.Tests.Links;

/// <summary>
/// A real <c>orgtasks silo --storage memory</c> process with its own configuration folder (so its local CA is its
/// own, not the machine's) and a health port: what the link tests connect to.
/// </summary>
public sealed class LinkSilo : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly int[] _ports = OrgTasks.Cli.Hosting.FreePorts.Take(3);
    private Process? _process;

    private LinkSilo(string configFolder) => ConfigFolder = configFolder;

    /// <summary>The silo's <c>ORGTASKS_CONFIG</c>: its CA is in <c>tls/ca.crt</c> there.</summary>
    public string ConfigFolder { get; }

    public string CaPath => Path.Combine(ConfigFolder, "tls", "ca.crt");
    public string Gateway => $"127.0.0.1:{_ports[1]}";
    public int HealthPort => _ports[2];
    public string ClusterId { get; } = "links-" + Guid.NewGuid().ToString("N")[..8];

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public static async Task<LinkSilo> StartAsync(params string[] arguments)
    {
        var silo = new LinkSilo(LinkFolders.NewConfigFolder());
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = silo._process = OrgTasksProcess.Start(
            ["silo", "--storage", "memory", "--cluster-id", silo.ClusterId, "--silo-port", silo._ports[0].ToString(),
             "--gateway-port", silo._ports[1].ToString(), "--health-port", silo._ports[2].ToString(), .. arguments],
            new Dictionary<string, string> { ["ORGTASKS_CONFIG"] = silo.ConfigFolder });
        process.OutputDataReceived += (_, line) =>
        {
            silo.Record(line.Data);
            if (line.Data == "ready") ready.TrySetResult();
        };
        process.ErrorDataReceived += (_, line) => silo.Record(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var first = await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(90)));
        if (first != ready.Task)
        {
            await silo.DisposeAsync();
            throw new InvalidOperationException($"silo did not become ready:\n{silo.Output}");
        }
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        _process?.Dispose();
        try
        {
            Directory.Delete(ConfigFolder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}

/// <summary>Fresh configuration folders for tests that need a CA of their own.</summary>
public static class LinkFolders
{
    public static string NewConfigFolder() =>
        Path.Combine(Path.GetTempPath(), "orgtasks-config-" + Guid.NewGuid().ToString("N")[..8]);
}
