using Microsoft.Extensions.Hosting;
using OrgTasks.Grains.Telemetry;

namespace OrgTasks.Grains.Identity;

/// <summary>
/// Keeps this silo's <see cref="AgentStandings"/> in step with the registry: asks for the list whenever it is newer than
/// the copy here. One small call per interval per silo; an arrest or a warning is enforced everywhere within it.
/// </summary>
internal sealed class StandingsRefresher(IGrainFactory grains, AgentStandings standings, OrgTasksServices services, ILogger<StandingsRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var registry = grains.GetGrain<IOrganizationRegistryGrain>(IOrganizationRegistryGrain.Key);
        var interval = services.Options.StandingsRefresh;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, stoppingToken);
                using var _ = ActorContext.Use(Actor.System("standings"));
                if (await registry.GetStandings(standings.Version) is { } newer) standings.Update(newer);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // The silo may still be joining, or the registry moving: the next round tries again.
                Log.StandingsRefreshFailed(logger, error);
            }
        }
    }
}
