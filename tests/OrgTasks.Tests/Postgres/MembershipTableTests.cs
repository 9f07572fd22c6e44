using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService;
using OrgTasks.Postgres.Hosting;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Postgres;

/// <summary>
/// Orleans' own ADO.NET membership table, driven directly, against the project's SQL: the version check that keeps
/// two silos from changing membership on the same read, heartbeats, and clean-up.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class MembershipTableTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Rows_are_written_only_against_the_version_they_were_read_at()
    {
        var table = await OpenAsync(NewClusterId());
        var empty = await table.ReadAllAsync(None);
        Assert.Empty(empty.Members);

        var first = Entry(port: 11111);
        Assert.True(await table.InsertRowAsync(first, empty.Version.Next(), None));
        // A second silo that read the table before the first one joined must read again.
        Assert.False(await table.InsertRowAsync(Entry(port: 11112), empty.Version.Next(), None));

        var afterInsert = await table.ReadAllAsync(None);
        Assert.Equal(first.SiloAddress, Assert.Single(afterInsert.Members).Item1.SiloAddress);
        Assert.NotEqual(empty.Version.VersionEtag, afterInsert.Version.VersionEtag);

        first.Status = SiloStatus.Active;
        var rowEtag = afterInsert.Members.Single().Item2;
        Assert.False(await table.UpdateRowAsync(first, rowEtag, empty.Version.Next(), None));
        Assert.True(await table.UpdateRowAsync(first, rowEtag, afterInsert.Version.Next(), None));
        Assert.Equal(SiloStatus.Active, (await table.ReadRowAsync(first.SiloAddress, None)).Members.Single().Item1.Status);
        // The same row twice is refused even at the current version.
        Assert.False(await table.InsertRowAsync(first, (await table.ReadAllAsync(None)).Version.Next(), None));
    }

    [Fact]
    public async Task A_heartbeat_moves_i_am_alive_without_changing_the_version()
    {
        var table = await OpenAsync(NewClusterId());
        var entry = Entry(port: 11111);
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync(None)).Version.Next(), None));
        var before = await table.ReadAllAsync(None);

        entry.IAmAliveTime = entry.IAmAliveTime.AddMinutes(5);
        await table.UpdateIAmAliveAsync(entry, None);

        var after = await table.ReadAllAsync(None);
        Assert.Equal(before.Version.VersionEtag, after.Version.VersionEtag);
        Assert.Equal(entry.IAmAliveTime, after.Members.Single().Item1.IAmAliveTime, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Clean_up_removes_long_silent_dead_silos_but_never_an_active_one_and_delete_removes_the_cluster()
    {
        var clusterId = NewClusterId();
        var table = await OpenAsync(clusterId);
        var dead = Entry(port: 11111, status: SiloStatus.Dead, aliveAgo: TimeSpan.FromDays(2));
        var active = Entry(port: 11112, status: SiloStatus.Active, aliveAgo: TimeSpan.FromDays(2));
        Assert.True(await table.InsertRowAsync(dead, (await table.ReadAllAsync(None)).Version.Next(), None));
        Assert.True(await table.InsertRowAsync(active, (await table.ReadAllAsync(None)).Version.Next(), None));

        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddDays(-1), None);

        Assert.Equal(active.SiloAddress, Assert.Single((await table.ReadAllAsync(None)).Members).Item1.SiloAddress);

        await table.DeleteMembershipTableEntriesAsync(clusterId, None);
        await Assert.ThrowsAnyAsync<Exception>(() => table.ReadAllAsync(None)); // no version row: the cluster is gone
    }

    private static CancellationToken None => CancellationToken.None;

    private async Task<AdoNetClusteringTable> OpenAsync(string clusterId)
    {
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "membership-tests" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = PostgresSiloOptions.Invariant, ConnectionString = postgres.ConnectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true, None);
        return table;
    }

    private static MembershipEntry Entry(int port, SiloStatus status = SiloStatus.Joining, TimeSpan aliveAgo = default)
    {
        var now = DateTime.UtcNow;
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(IPAddress.Loopback, port, 1),
            SiloName = $"silo-{port}",
            HostName = "localhost",
            Status = status,
            ProxyPort = port + 1000,
            StartTime = now - aliveAgo,
            IAmAliveTime = now - aliveAgo,
        };
    }

    private static string NewClusterId() => "membership-" + Guid.NewGuid().ToString("N")[..10];
}
