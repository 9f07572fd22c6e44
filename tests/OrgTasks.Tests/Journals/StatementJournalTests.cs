using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Journals;

[Trait("Category", "Journals")]
public sealed class MemoryStatementJournalTests : StatementJournalContract
{
    protected override JournalSet Open() => JournalSet.Memory();
}

[Collection(PostgresCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresStatementJournalTests(PostgresFixture postgres) : StatementJournalContract
{
    protected override JournalSet Open() => JournalSet.Postgres(postgres.ConnectionString);
}
