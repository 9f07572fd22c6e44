using OrgTasks.Grains.Organization;
using OrgTasks.Grains.Identity;
using OrgTasks.Grains.Pumping;
using OrgTasks.Grains.Statements;

namespace OrgTasks.Grains.Units;

/// <summary>
/// What the committee, every group and the central bodies share: configuration from the organization file, the
/// statement hop (<see cref="UnitGrain"/>.Statements.cs: the entry checks, over the <see cref="Statements.HeldStatements"/>
/// component that the contacts use too) and the leaflet relay (<see cref="LeafletRelay"/>, its own component with its own pump).
/// Each kind of unit is its own sealed grain class deriving from this one, so a unit's kind is visible in its grain id.
/// </summary>
public abstract partial class UnitGrain(IPersistentState<UnitState> state, OrgTasksServices services, ILogger logger)
    : Grain, IUnitGrain, IActingGrain
{
    private Pump? _pump;
    private LeafletRelay? _relay;
    private HeldStatements? _heldStatements;

    /// <summary>The leaflet relay, made when the unit activates.</summary>
    private LeafletRelay Relay => _relay ?? throw new InvalidOperationException($"unit '{Id}' is not active");

    /// <summary>Statements accepted here and not yet acknowledged by this unit's contact, made when the unit activates.</summary>
    private HeldStatements HeldStatements => _heldStatements ?? throw new InvalidOperationException($"unit '{Id}' is not active");

    private string? _id;

    /// <summary>The grain key: the unit's id from the organization file (kept: the key is decoded anew on every read).</summary>
    protected string Id => _id ??= this.GetPrimaryKeyString();

    public Actor Actor => Actor.Unit(Id);

    private string? _actorText;

    public string ActorText => _actorText ??= Actor.ToString();

    protected UnitConfig? Config => state.State.Config;

    /// <summary>The kind this grain class serves: a configuration for another kind is refused.</summary>
    protected abstract bool Serves(UnitKind kind);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _pump = new Pump(this, PumpAsync, services.Options.RetryInterval);
        _relay = new LeafletRelay(this, Id, () => Config, GrainFactory, services, logger);
        _heldStatements = new HeldStatements(Id, services, logger);
        if (Config is null) return;
        // Whatever this unit held when its last activation ended (or its silo died) is picked up again here.
        if (await _heldStatements.LoadAsync() || state.State.FormerContacts.Count > 0) _pump.Schedule();
        if (await _relay.LoadUnfinishedAsync()) _relay.Schedule();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _pump?.Dispose();
        _relay?.Stop();
        return Task.CompletedTask;
    }

    public async Task Configure(UnitConfig config)
    {
        RequireSystemCaller();
        if (config.Unit.Id != Id || !Serves(config.Unit.Kind))
            throw new InvalidRequestException($"unit '{Id}' cannot take the configuration of {config.Unit.Kind.Spelling()} '{config.Unit.Id}'");
        // A central body keeps each organization's part as well as their merge: a changed part is written even when the merge is not.
        var partChanged = false;
        if (config.Unit.Kind.IsCentre())
        {
            partChanged = !Fingerprint.Same(State.CentreParts.GetValueOrDefault(config.Organization), config);
            config = MergeCentre(config);
        }
        else if (Config is { } current && current.Organization != config.Organization)
            throw new InvalidRequestException($"unit '{Id}' already belongs to organization '{current.Organization}'");

        if (partChanged || !Fingerprint.Same(Config, config))
        {
            // The contact changed (an arrest, a release, a re-establishment): what the former one holds is taken back.
            if (Config is { Contact.Length: > 0 } previous && previous.Contact != config.Contact && !state.State.FormerContacts.Contains(previous.Contact))
                state.State.FormerContacts.Add(previous.Contact);
            state.State.FormerContacts.Remove(config.Contact);
            Relay.NoteCutOffChange(Config, config);
            state.State.Config = config;
            await state.WriteStateAsync();
            if (state.State.FormerContacts.Count > 0 || config.CentreKey is not null) Kick();
            if (Relay.HasWork) Relay.Kick();
        }
    }

    public async Task Dissolve()
    {
        RequireSystemCaller();
        if (Config is null) return;
        // A central body is shared by every organization that names it: it stays while another one still does.
        if (Config.Unit.Kind.IsCentre() && LeaveCentre(Callers.Require()) is { } rest)
        {
            state.State.Config = rest;
            await state.WriteStateAsync();
            return;
        }
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    public Task<UnitConfig?> GetConfig()
    {
        var caller = Callers.Require();
        if (caller.Kind != ActorKind.Agent) return Task.FromResult(Config);
        if (Config is { Unit.Kind: UnitKind.Committee } committee && Officers.IsFreeMember(committee, caller.Id)) return Task.FromResult<UnitConfig?>(committee);
        throw new AccessDeniedException($"{caller} may not read the configuration of {Id}: only the committee's free members may, and only the committee's");
    }

    /// <summary>Passes on whatever is waiting apart from leaflets (they have their own pump): deposits, take-overs, statements.</summary>
    private async Task<bool> PumpAsync(CancellationToken cancellation)
    {
        var depositLeft = await DepositIfChangedAsync();
        var takeOverLeft = await TakeOverFromFormerContactsAsync() || depositLeft;
        return await PassStatementsOnAsync() || takeOverLeft;
    }

    protected void Kick() => _pump?.Kick();

    protected UnitConfig RequireConfig() =>
        Config ?? throw new NotFoundException($"unit '{Id}' does not exist in any applied organization");


    private static void RequireSystemCaller()
    {
        var caller = Callers.Require();
        if (caller.Kind is not (ActorKind.System or ActorKind.Operator))
            throw new AccessDeniedException($"{caller} may not change the organization; apply the organization file instead");
    }

    protected ILogger Logger => logger;
    protected UnitState State => state.State;
    protected Task WriteStateAsync() => state.WriteStateAsync();
    protected OrgTasksServices Services => services;
}
