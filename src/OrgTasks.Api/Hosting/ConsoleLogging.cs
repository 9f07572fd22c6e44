using Microsoft.Extensions.Logging.Console;

namespace OrgTasks.Api.Hosting;

/// <summary>
/// The console logging of a silo run from a terminal (the server program, and the CLI's silo, demo and load test):
/// one line per message on stderr, so stdout keeps only the program's own output. The grains log ids and counts, never texts.
/// </summary>
public static class ConsoleLogging
{
    /// <param name="builder">The host being built.</param>
    /// <param name="minimum">The least level shown: Information for the server, Warning for the CLI.</param>
    public static void Use(IHostApplicationBuilder builder, LogLevel minimum)
    {
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(minimum);
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // On its first check after start-up the watchdog reports the time since some fixed earlier moment as a stall
        // ("has not completed for 00:49:31 … deadlock"), on every start. Real stalls still show as long-turn warnings.
        builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
    }
}
