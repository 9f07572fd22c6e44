using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OrgTasks.Grains.Durability;

namespace OrgTasks.Postgres.Journals;

public static class PostgresJournalsExtensions
{
    /// <summary>
    /// Puts the three journals on PostgreSQL: singletons sharing one <see cref="PgJournalStore"/> (one data source, one
    /// writer). Registered with Replace, so the grains' TryAdd of the memory journals, before or after, never wins.
    /// The schema (Schema/010_journals.sql) must have been applied. Impossible options are refused here, at start-up,
    /// with an <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> naming each.
    /// </summary>
    public static IServiceCollection AddOrgTasksPostgresJournals(
        this IServiceCollection services, string connectionString, Action<PgJournalOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var options = new PgJournalOptions();
        configure?.Invoke(options);
        PgJournalOptionsValidator.ThrowIfInvalid(options);
        services.Replace(ServiceDescriptor.Singleton(sp =>
            new PgJournalStore(connectionString, options, sp.GetService<ILoggerFactory>())));
        services.Replace(ServiceDescriptor.Singleton<IStatementJournal>(sp => new PgStatementJournal(sp.GetRequiredService<PgJournalStore>())));
        services.Replace(ServiceDescriptor.Singleton<ILeafletJournal>(sp => new PgLeafletJournal(sp.GetRequiredService<PgJournalStore>())));
        services.Replace(ServiceDescriptor.Singleton<IDeliveryJournal>(sp => new PgDeliveryJournal(sp.GetRequiredService<PgJournalStore>())));
        services.Replace(ServiceDescriptor.Singleton<OrgTasks.Grains.Audit.IAuditTrail>(sp => new Audit.PgAuditTrail(sp.GetRequiredService<PgJournalStore>())));
        return services;
    }
}
