using OrgTasks.Silo.Hosting;

namespace OrgTasks.Api.Hosting;

/// <summary>
/// The server program's run: settings from the arguments and environment, the store made ready, the host started
/// (it prints <see cref="ReadyLine"/> once it serves), then stopped gracefully on SIGTERM or Ctrl+C. A mistake in the
/// settings or the store is one line on stderr and exit code 1.
/// </summary>
public static partial class ServerProgram
{
    public const string ReadyLine = "ready";

    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(25);

    public static async Task<int> RunAsync(string[] args)
    {
        ServerSettings settings;
        try
        {
            if (ServerArguments.Parse(args, Environment.GetEnvironmentVariable) is not { } parsed)
            {
                Console.Out.WriteLine(ServerArguments.Usage);
                return 0;
            }
            settings = parsed;
        }
        catch (OrgTasksException error)
        {
            Console.Error.WriteLine($"orgtasks-server: {error.Message}");
            return 1;
        }

        SiloStore store;
        try
        {
            store = await SiloStore.PrepareAsync(settings.Silo);
        }
        catch (Exception error) when (error is OrgTasks.Postgres.Managed.PostgresSetupException or OrgTasks.Postgres.Schema.SchemaTooNewException or Npgsql.NpgsqlException)
        {
            Console.Error.WriteLine($"orgtasks-server: {error.Message}");
            return 1;
        }
        try
        {
            using var host = ServerHost.Build(settings, b => ConsoleLogging.Use(b, LogLevel.Information));
            await host.StartAsync();
            Console.Out.WriteLine($"server up: silo port {settings.Silo.SiloPort}, gateway {settings.Silo.GatewayPort}, "
                + $"http {Describe(settings)}, cluster {settings.Silo.ClusterId}, storage: {store.Description}");
            Console.Out.WriteLine(ReadyLine);
            await host.WaitForShutdownAsync();
            using var limit = new CancellationTokenSource(StopLimit);
            await host.StopAsync(limit.Token);
        }
        catch (Exception error) when (error is OrgTasksException or OrgTasks.Links.LinkSecurityException)
        {
            Console.Error.WriteLine($"orgtasks-server: {error.Message}");
            return 1;
        }
        catch (Exception error) when (error is IOException or System.Net.Sockets.SocketException)
        {
            // A port taken by another program: name the ports rather than print a stack trace.
            Console.Error.WriteLine($"orgtasks-server: cannot listen on silo port {settings.Silo.SiloPort}, gateway port {settings.Silo.GatewayPort}, "
                + $"http {Describe(settings)}: {error.Message}");
            return 1;
        }
        finally
        {
            await store.CloseAsync(CancellationToken.None);
        }
        return 0;
    }

    /// <summary><c>https://127.0.0.1:8080</c> and the health port, for the start-up line.</summary>
    public static string Describe(ServerSettings settings)
    {
        var scheme = settings.Silo.Links.Insecure ? "http" : "https";
        var parts = new List<string>();
        if (settings.HttpPort is { } http) parts.Add($"{scheme}://{settings.ListenAddress}:{http} (API {ServerApp.ApiBase}, /openapi/v1.json, /api)");
        if (settings.HealthPort is { } health) parts.Add($"health http://{settings.ListenAddress}:{health}");
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }
}
