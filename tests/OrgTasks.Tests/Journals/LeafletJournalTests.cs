using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Journals;

public sealed class MemoryLeafletJournalTests : LeafletJournalContract
{
    protected override JournalSet Open() => JournalSet.Memory();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresLeafletJournalTests(PostgresFixture postgres) : LeafletJournalContract
{
    protected override JournalSet Open() => JournalSet.Postgres(postgres.ConnectionString);
}
