using System.Diagnostics;
using System.Text;
using OrgTasks.Tests.Organization;

namespace OrgTasks.Tests.Api;

/// <summary>
/// The real <c>orgtasks-server</c> program as a child process (<c>dotnet orgtasks-server.dll</c> from the test's output
/// folder) on free ports, with memory storage and TLS from the local CA, as production runs it. Ready when it prints
/// <c>ready</c>; the whole process tree is killed at the end.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;

    private ServerProcess()
    {
        var ports = OrgTasks.Cli.Hosting.FreePorts.Take(3);
        SiloPort = ports[0];
        GatewayPort = ports[1];
        HttpPort = ports[2];
    }

    public int SiloPort { get; }
    public int GatewayPort { get; }
    public int HttpPort { get; }
    public string ClusterId { get; } = "server-" + Guid.NewGuid().ToString("N")[..8];
    public Uri BaseAddress => new($"https://127.0.0.1:{HttpPort}");

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public static async Task<ServerProcess> StartAsync()
    {
        var server = new ServerProcess();
        var dll = Path.Combine(AppContext.BaseDirectory, "orgtasks-server.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("orgtasks-server.dll is not next to the tests; does the test project reference src/OrgTasks.Server?", dll);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in new[]
        {
            dll, "--storage", "memory", "--silo-port", server.SiloPort.ToString(), "--gateway-port", server.GatewayPort.ToString(),
            "--http-port", server.HttpPort.ToString(), "--cluster-id", server.ClusterId,
        }) start.ArgumentList.Add(argument);
        start.Environment.Remove("ORGTASKS_HTTP_PORT");
        foreach (var (name, value) in OrgTasks.Silo.Hosting.RuntimeTiering.Recommended) start.Environment[name] = value; // as deployed
        server._process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        server._process.OutputDataReceived += (_, line) => server.Record(line.Data, line.Data == "ready");
        server._process.ErrorDataReceived += (_, line) => server.Record(line.Data, false);
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        var exited = server._process.WaitForExitAsync();
        var first = await Task.WhenAny(server._ready.Task, exited, Task.Delay(StartTimeout));
        if (first != server._ready.Task)
        {
            var why = first == exited ? $"exited with code {server._process.ExitCode}" : $"did not print 'ready' within {StartTimeout}";
            await server.DisposeAsync();
            throw new InvalidOperationException($"orgtasks-server {why}:\n{server.Output}");
        }
        return server;
    }

    /// <summary>An HTTPS client of the server that trusts the local CA.</summary>
    public HttpClient Http(string? credential)
    {
        var http = new HttpClient(ApiServer.Handler(), disposeHandler: true) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (credential is not null) http.DefaultRequestHeaders.Authorization = new("Bearer", credential);
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    private void Record(string? line, bool isReady)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (isReady) _ready.TrySetResult();
    }
}
