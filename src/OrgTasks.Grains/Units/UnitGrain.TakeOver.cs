using OrgTasks.Grains.Telemetry;

namespace OrgTasks.Grains.Units;

/// <summary>
/// When a unit's contact changes (arrested, suspended, released, or the group re-established), the statements the
/// former contact held for the unit are not lost: the unit takes them back and hands them to its new contact, which
/// stores them before the former holder lets them go. A statement the former contact had already passed up but not
/// yet marked is recognised by the unit above (every holder deduplicates by statement id), so nothing is doubled.
/// </summary>
public abstract partial class UnitGrain
{
    /// <summary>Runs from the pump; returns whether a take-over is still to be done (retried next round).</summary>
    private async Task<bool> TakeOverFromFormerContactsAsync()
    {
        if (State.FormerContacts.Count == 0) return false;
        var config = Config;
        if (config is null || config.Contact.Length == 0) return true; // cut off: nobody to hand them to yet
        var contact = GrainFactory.GetByKey<IAgentGrain>(config.Contact);
        var left = false;
        foreach (var former in State.FormerContacts.ToList())
        {
            try
            {
                var held = await GrainFactory.GetGrain<IAgentGrain>(former).SurrenderHeld(config.Unit);
                foreach (var byTarget in held.Where(h => h.Target is not null).GroupBy(h => h.Target!.Value))
                {
                    foreach (var chunk in byTarget.Chunk(Services.Options.MaxStatementsPerCall))
                    {
                        await contact.TransmitStatements(config.Unit, byTarget.Key, chunk.Select(h => h.Statement).ToList());
                        await GrainFactory.GetGrain<IAgentGrain>(former).ConfirmSurrendered(config.Unit, chunk.Select(h => h.Statement.Id).ToList(), config.Contact);
                    }
                }
                if (held.Count > 0) Log.TookOver(Logger, Id, held.Count, former, config.Contact);
                State.FormerContacts.Remove(former);
                await WriteStateAsync();
            }
            catch (Exception error)
            {
                left = true;
                Log.TakeOverFailed(Logger, error, Id, former);
            }
        }
        return left;
    }
}
