using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrgTasks.Grains.Durability;
using OrgTasks.Grains.Durability.Memory;
using OrgTasks.Grains.Audit;
using OrgTasks.Grains.Identity;

namespace OrgTasks.Grains;

public static class OrgTasksGrainsExtensions
{
    /// <summary>
    /// Registers what the grains need on a silo: the call gate and the identity stamp, the credential signing keys, the
    /// audit trail, options, the clock and the journals. The journals and the audit trail default to this process's
    /// memory; a durable store replaces them by registering its own first.
    /// </summary>
    public static ISiloBuilder AddOrgTasksGrains(this ISiloBuilder silo, SigningKeyRing keys, Action<OrgTasksOptions>? configure = null)
    {
        var services = silo.Services;
        services.AddSingleton(keys);
        services.AddOptions<OrgTasksOptions>().BindConfiguration(OrgTasksOptions.Section).ValidateOnStart();
        if (configure is not null) services.Configure(configure);
        // Checked when the silo starts: a silo with an impossible value refuses to start, naming it.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IValidateOptions<OrgTasksOptions>, OrgTasksOptionsValidator>());
        // Reminders refuse periods under their minimum (1 minute by default): a shorter resume interval lowers it.
        services.AddOptions<Orleans.Hosting.ReminderOptions>().Configure<Microsoft.Extensions.Options.IOptions<OrgTasksOptions>>((reminders, options) =>
        {
            if (options.Value.ResumeInterval < reminders.MinimumReminderPeriod) reminders.MinimumReminderPeriod = options.Value.ResumeInterval;
            if (options.Value.RoutineInterval < reminders.MinimumReminderPeriod) reminders.MinimumReminderPeriod = options.Value.RoutineInterval;
        });
        services.TryAddKeyedSingleton(OrgTasksServices.ClockKey, TimeProvider.System);
        services.TryAddSingleton<IStatementJournal, MemoryStatementJournal>();
        services.TryAddSingleton<ILeafletJournal, MemoryLeafletJournal>();
        services.TryAddSingleton<IDeliveryJournal, MemoryDeliveryJournal>();
        services.TryAddSingleton<IAuditTrail, MemoryAuditTrail>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<Auditor>();
        services.TryAddSingleton<AgentStandings>();
        services.TryAddSingleton<Leaflets.RouteNotices>();
        services.TryAddSingleton<RevocationList>();
        services.TryAddSingleton<CredentialVerifier>();
        services.TryAddSingleton<RefusalTally>();
        services.AddHostedService<AccessRefresher>();
        services.AddHostedService<RefusalFlusher>();
        services.TryAddSingleton<OrgTasksServices>();
        silo.AddOutgoingGrainCallFilter<ActorStampFilter>();
        silo.AddIncomingGrainCallFilter<CallGate>();
        silo.AddStartupTask<Statements.SweepAtStartup>();
        silo.AddStartupTask<WarmUp.WarmUpAtStartup>();
        return silo;
    }
}
