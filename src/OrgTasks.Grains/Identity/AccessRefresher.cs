using Microsoft.Extensions.Hosting;
using OrgTasks.Grains.Telemetry;

namespace OrgTasks.Grains.Identity;

/// <summary>
/// Keeps what this silo enforces on every call in step with the cluster, every
/// <see cref="OrgTasksOptions.StandingsRefresh"/> (1 s by default): the agents out of action (from the registry), the
/// revoked credentials (from the credential authority), and the signing keys (the file, when it was rotated). Two small
/// calls per interval per silo; an arrest, a warning or a revocation is enforced everywhere within it.
/// </summary>
internal sealed class AccessRefresher(
    IGrainFactory grains, AgentStandings standings, RevocationList revocations, SigningKeyRing keys,
    OrgTasksServices services, ILogger<AccessRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var registry = grains.GetGrain<IOrganizationRegistryGrain>(IOrganizationRegistryGrain.Key);
        var authority = grains.GetGrain<ICredentialAuthorityGrain>(ICredentialAuthorityGrain.Key);
        var interval = services.Options.StandingsRefresh;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            using var _ = ActorContext.Use(Actor.System("access"));
            // Each is refreshed on its own: a registry that is moving must not hold back a revocation.
            try
            {
                if (await registry.GetStandings(standings.Version) is { } newer) standings.Update(newer);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // The silo may still be joining, or the registry moving: the next round tries again.
                Log.StandingsRefreshFailed(logger, error);
            }
            try
            {
                if (await authority.GetRevocations(revocations.Version) is { } newer) revocations.Update(newer);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                Log.RevocationsRefreshFailed(logger, error);
            }
            try
            {
                keys.Refresh();
            }
            catch (Exception error)
            {
                Log.SigningKeysNotReloaded(logger, error, keys.Path);
            }
        }
    }
}
