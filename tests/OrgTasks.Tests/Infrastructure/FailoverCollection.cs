namespace OrgTasks.Tests.Infrastructure;

/// <summary>
/// The tests that kill, stop and restart real silo processes under load. They run alone, after the others: they
/// judge failure detection with the project's production membership settings (three missed 1 s probes), and on a
/// two-core machine shared with another test collection's silos a healthy silo can be starved long enough to miss
/// its probes, so the test would measure the neighbours instead of the failover.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FailoverCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "failover";
}
