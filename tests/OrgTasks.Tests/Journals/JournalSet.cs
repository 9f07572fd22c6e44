using OrgTasks.Grains.Durability;
using OrgTasks.Grains.Durability.Memory;
using OrgTasks.Postgres.Journals;

namespace OrgTasks.Tests.Journals;

/// <summary>The three journals of one store, memory or PostgreSQL, as the contract tests use them.</summary>
public sealed class JournalSet : IAsyncDisposable
{
    private readonly PgJournalStore? _store;

    private JournalSet(IStatementJournal statements, ILeafletJournal leaflets, IDeliveryJournal deliveries, PgJournalStore? store)
    {
        Statements = statements;
        Leaflets = leaflets;
        Deliveries = deliveries;
        _store = store;
    }

    public IStatementJournal Statements { get; }
    public ILeafletJournal Leaflets { get; }
    public IDeliveryJournal Deliveries { get; }

    public static JournalSet Memory() =>
        new(new MemoryStatementJournal(), new MemoryLeafletJournal(), new MemoryDeliveryJournal(), null);

    /// <summary>Fresh journal objects on a fresh data source: what a restarted silo would have.</summary>
    public static JournalSet Postgres(string connectionString, PgJournalOptions? options = null)
    {
        var store = new PgJournalStore(connectionString, options);
        return new(new PgStatementJournal(store), new PgLeafletJournal(store), new PgDeliveryJournal(store), store);
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null) await _store.DisposeAsync();
    }
}
