using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Journals;

[Trait("Category", "Journals")]
public sealed class MemoryDeliveryJournalTests : DeliveryJournalContract
{
    protected override JournalSet Open() => JournalSet.Memory();
}

[Collection(PostgresCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresDeliveryJournalTests(PostgresFixture postgres) : DeliveryJournalContract
{
    protected override JournalSet Open() => JournalSet.Postgres(postgres.ConnectionString);
}
