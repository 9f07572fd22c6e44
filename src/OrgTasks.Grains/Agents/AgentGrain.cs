using OrgTasks.Grains.Organization;
using OrgTasks.Grains.Identity;
using OrgTasks.Grains.Pumping;
using OrgTasks.Grains.Statements;

namespace OrgTasks.Grains.Agents;

/// <summary>
/// A person of the organization. Three roles on one grain: author of statements, contact of the units that appointed
/// it (the only way their statements go up), and distributor of the homes on its route.
/// </summary>
public sealed partial class AgentGrain(
    [PersistentState("agent", OrgTasksStorage.Name)] IPersistentState<AgentState> state,
    OrgTasksServices services,
    ILogger<AgentGrain> logger)
    : Grain, IAgentGrain, IActingGrain
{
    private Pump? _pump;
    private HeldStatements? _held;

    private string? _id;

    /// <summary>The grain key, kept: the key is decoded anew on every read, and the hot paths read it several times a call.</summary>
    private string Id => _id ??= this.GetPrimaryKeyString();

    public Actor Actor => Actor.Agent(Id);

    private string? _actorText;

    public string ActorText => _actorText ??= Actor.ToString();

    private AgentConfig? Config => state.State.Config;

    /// <summary>What this agent holds as a contact, made when it activates.</summary>
    private HeldStatements Held => _held ?? throw new InvalidOperationException($"agent '{Id}' is not active");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _pump = new Pump(this, PassStatementsOnAsync, services.Options.RetryInterval);
        _held = new HeldStatements(Id, services, logger);
        if (Config is null) return;
        if (await _held.LoadAsync()) _pump.Schedule();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _pump?.Dispose();
        return Task.CompletedTask;
    }

    public async Task Configure(AgentConfig config)
    {
        var caller = Callers.Require();
        if (caller.Kind is not (ActorKind.System or ActorKind.Operator))
            throw new AccessDeniedException($"{caller} may not change agent '{Id}'");
        if (config.Id != Id) throw new InvalidRequestException($"agent '{Id}' cannot take the configuration of '{config.Id}'");
        if (Config is { } current && current.Organization != config.Organization)
            throw new InvalidRequestException($"agent '{Id}' already belongs to organization '{current.Organization}'");
        if (Fingerprint.Same(Config, config)) return;
        state.State.Config = config;
        await state.WriteStateAsync();
    }

    public async Task Dissolve()
    {
        var caller = Callers.Require();
        if (caller.Kind is not (ActorKind.System or ActorKind.Operator))
            throw new AccessDeniedException($"{caller} may not remove agent '{Id}'");
        if (Config is not null) await state.ClearStateAsync();
        DeactivateOnIdle(); // also when it was never configured: such an activation is not kept (NotConfigured)
    }

    /// <summary>
    /// The agent's configuration: its units, route and duties. An agent reads only its own, and without the
    /// organization's name (a member of an unaware group must not learn it; the others know it from their committee).
    /// </summary>
    public Task<AgentConfig?> GetConfig()
    {
        var caller = Callers.Require();
        if (caller.Kind == ActorKind.Agent && !caller.IsAgent(Id))
            throw new AccessDeniedException($"{caller} may not read the configuration of agent '{Id}'");
        if (Config is not { } config)
        {
            DeactivateOnIdle(); // unconfigured: not kept (NotConfigured)
            return Task.FromResult<AgentConfig?>(null);
        }
        return Task.FromResult<AgentConfig?>(caller.Kind == ActorKind.Agent ? config with { Organization = "" } : config);
    }

    private AgentConfig RequireConfig() => Config ?? throw NotConfigured();

    /// <summary>
    /// The refusal of a call to an agent no organization has configured, and the end of this activation: an agent that
    /// does not exist holds nothing worth keeping in memory (a silo's start-up warm-up activates thousands of them).
    /// </summary>
    private NotFoundException NotConfigured()
    {
        DeactivateOnIdle();
        return new NotFoundException($"agent '{Id}' does not exist in any applied organization");
    }

}
