using Microsoft.Extensions.Logging;

namespace OrgTasks.Silo.Hosting;

/// <summary>
/// Says once, when a silo process starts, whether it runs with the recommended tiering (<see cref="RuntimeTiering"/>):
/// a warning when not, since nothing else would tell an operator why the first mobilization after a restart is slow.
/// </summary>
internal sealed partial class RuntimeTieringNotice(ILogger<RuntimeTieringNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var tiering = RuntimeTiering.Current;
        if (tiering.IsRecommended) InEffect(logger, tiering.Describe());
        else NotRecommended(logger, tiering.Describe());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Tiering}")]
    private static partial void InEffect(ILogger logger, string tiering);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Tiering} (set before the process starts: the deployment files in deploy/ do)")]
    private static partial void NotRecommended(ILogger logger, string tiering);
}
