using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Journals;

public sealed class MemoryDeliveryJournalTests : DeliveryJournalContract
{
    protected override JournalSet Open() => JournalSet.Memory();
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresDeliveryJournalTests(PostgresFixture postgres) : DeliveryJournalContract
{
    protected override JournalSet Open() => JournalSet.Postgres(postgres.ConnectionString);
}
