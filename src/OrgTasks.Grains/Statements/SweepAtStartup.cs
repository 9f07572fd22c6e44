using Microsoft.Extensions.DependencyInjection;

namespace OrgTasks.Grains.Statements;

/// <summary>Starts the statement sweeper when a silo becomes active: held statements move on at once after a restart.</summary>
public sealed class SweepAtStartup(IGrainFactory grains, ILogger<SweepAtStartup> logger) : IStartupTask
{
    public async Task Execute(CancellationToken cancellationToken)
    {
        try
        {
            using (ActorContext.Use(Actor.System("startup")))
                await grains.GetGrain<IStatementSweeperGrain>(IStatementSweeperGrain.Key).Start();
        }
        catch (Exception error)
        {
            // The reminder will try again; a silo must not refuse to start because a sweep failed.
            Log.SweepFailed(logger, error, "(start-up)");
        }
    }
}
