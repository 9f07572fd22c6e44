namespace OrgTasks.Grains.Units;

/// <summary>The committee's leaflets are told to the organization's routine, which counts them for the idle alarm.</summary>
public abstract partial class UnitGrain
{
    private void TellRoutine(UnitConfig config, Leaflet leaflet)
    {
        if (config.Unit.Kind != UnitKind.Committee) return;
        // One-way: the issue does not wait for the routine, and a routine busy issuing this very leaflet is not asked
        // to answer itself (it would wait on its own call).
        _ = GrainFactory.GetGrain<IRoutineGrain>(config.Organization).NoteLeaflet(new RecordedLeaflet
        {
            LeafletId = leaflet.Id,
            Scope = leaflet.Scope,
            IssuedAt = leaflet.IssuedAt,
        });
    }
}
