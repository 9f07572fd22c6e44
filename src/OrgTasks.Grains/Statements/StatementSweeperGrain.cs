using OrgTasks.Grains.Identity;
using OrgTasks.Grains.Pumping;

namespace OrgTasks.Grains.Statements;

/// <summary>
/// After a silo dies, the activations that held statements are gone; their statements are in the journal. Waking a
/// holder (any call activates it) makes it load what it held and pass it on. Reminders survive restarts, so this
/// grain comes back by itself; a start-up task also calls <see cref="Start"/> so recovery does not wait for a tick.
/// </summary>
public sealed class StatementSweeperGrain(OrgTasksServices services, ILogger<StatementSweeperGrain> logger)
    : Grain, IStatementSweeperGrain, IRemindable, IActingGrain
{
    private const string Reminder = "sweep";

    /// <summary>Most holders woken in one sweep; the next tick takes the rest.</summary>
    private const int SweepLimit = 20_000;

    public Actor Actor => Actor.System("sweeper");

    public async Task<int> Start()
    {
        if (await this.GetReminder(Reminder) is null)
            await this.RegisterOrUpdateReminder(Reminder, services.Options.ResumeInterval, services.Options.ResumeInterval);
        return await Sweep();
    }

    public async Task<int> Sweep()
    {
        var holders = await services.Statements.LoadHoldersAsync(SweepLimit);
        if (holders.Count == 0) return 0;
        var registry = GrainFactory.GetGrain<IOrganizationRegistryGrain>(IOrganizationRegistryGrain.Key);
        await FanOut.ForEachAsync(holders, services.Options.FanOutLimit, async holder =>
        {
            try
            {
                // A holder is a unit (the registry knows its kind) or else an agent; reading what it holds wakes it.
                if (await registry.FindUnit(holder) is { } location) await GrainFactory.GetUnit(location.Unit).GetHeld();
                else await GrainFactory.GetGrain<IAgentGrain>(holder).GetHeld();
            }
            catch (Exception error)
            {
                Log.SweepFailed(logger, error, holder);
            }
        });
        Log.Swept(logger, holders.Count);
        return holders.Count;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == Reminder ? Sweep() : Task.CompletedTask;
}
