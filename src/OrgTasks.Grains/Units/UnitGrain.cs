using OrgTasks.Grains.Identity;
using OrgTasks.Grains.Pumping;

namespace OrgTasks.Grains.Units;

/// <summary>
/// What the committee, every group and the central bodies share: configuration from the organization file, the
/// statement hop (<see cref="UnitGrain"/>.Statements.cs) and the leaflet relay (<see cref="UnitGrain"/>.Leaflets.cs).
/// Each kind of unit is its own sealed grain class deriving from this one, so a unit's kind is visible in its grain id.
/// </summary>
public abstract partial class UnitGrain(IPersistentState<UnitState> state, OrgTasksServices services, ILogger logger)
    : Grain, IUnitGrain, IActingGrain
{
    private Pump? _pump;

    /// <summary>The grain key: the unit's id from the organization file.</summary>
    protected string Id => this.GetPrimaryKeyString();

    public Actor Actor => Actor.Unit(Id);

    private string? _actorText;

    public string ActorText => _actorText ??= Actor.ToString();

    protected UnitConfig? Config => state.State.Config;

    /// <summary>The kind this grain class serves: a configuration for another kind is refused.</summary>
    protected abstract bool Serves(UnitKind kind);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _pump = new Pump(this, PumpAsync, services.Options.RetryInterval);
        if (Config is null) return;
        // Whatever this unit held when its last activation ended (or its silo died) is picked up again here.
        var resumed = await LoadHeldStatementsAsync() | await LoadUnfinishedLeafletsAsync();
        if (resumed || state.State.FormerContacts.Count > 0) _pump.Schedule();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _pump?.Dispose();
        return Task.CompletedTask;
    }

    public async Task Configure(UnitConfig config, IReadOnlyList<AgentConfig> homeAgents)
    {
        RequireSystemCaller();
        if (config.Unit.Id != Id || !Serves(config.Unit.Kind))
            throw new InvalidRequestException($"unit '{Id}' cannot take the configuration of {config.Unit.Kind.Spelling()} '{config.Unit.Id}'");
        if (config.Unit.Kind.IsCentre()) config = MergeCentre(config);
        else if (Config is { } current && current.Organization != config.Organization)
            throw new InvalidRequestException($"unit '{Id}' already belongs to organization '{current.Organization}'");

        if (!Equals(Config, config))
        {
            // The contact changed (an arrest, a release, a re-establishment): what the former one holds is taken back.
            if (Config is { Contact.Length: > 0 } previous && previous.Contact != config.Contact && !state.State.FormerContacts.Contains(previous.Contact))
                state.State.FormerContacts.Add(previous.Contact);
            state.State.FormerContacts.Remove(config.Contact);
            NoteCutOffChange(Config, config);
            state.State.Config = config;
            await state.WriteStateAsync();
            if (state.State.FormerContacts.Count > 0 || config.CentreKey is not null || _leaflets.Count > 0) Kick();
        }
        // A unit configures the agents whose home it is: the directory fans out to units, units to agents.
        await FanOut.ForEachAsync(homeAgents, services.Options.FanOutLimit,
            agent => GrainFactory.GetGrain<IAgentGrain>(agent.Id).Configure(agent));
    }

    public async Task Dissolve()
    {
        RequireSystemCaller();
        if (Config is null) return;
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    public Task<UnitConfig?> GetConfig() => Task.FromResult(Config);

    /// <summary>Passes on whatever is waiting: statements to the contact, leaflets to children and distributors.</summary>
    private async Task<bool> PumpAsync(CancellationToken cancellation)
    {
        var depositLeft = await DepositIfChangedAsync();
        var takeOverLeft = await TakeOverFromFormerContactsAsync() || depositLeft;
        var statementsLeft = await PassStatementsOnAsync() || takeOverLeft;
        var leafletsLeft = await PassLeafletsOnAsync();
        return statementsLeft || leafletsLeft;
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
