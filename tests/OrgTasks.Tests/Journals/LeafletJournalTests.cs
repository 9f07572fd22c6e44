using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Journals;

[Trait("Category", "Journals")]
public sealed class MemoryLeafletJournalTests : LeafletJournalContract
{
    protected override JournalSet Open() => JournalSet.Memory();
}

[Collection(PostgresCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresLeafletJournalTests(PostgresFixture postgres) : LeafletJournalContract
{
    protected override JournalSet Open() => JournalSet.Postgres(postgres.ConnectionString);
}
