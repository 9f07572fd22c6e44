using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.TestingHost;
using OrgTasks.Client;
using OrgTasks.Grains;
using OrgTasks.Grains.Durability;
using OrgTasks.Silo.Hosting;

namespace OrgTasks.Tests.Infrastructure;

/// <summary>
/// One in-process Orleans cluster (a real silo, the real grains, memory storage) shared by a test collection. Tests
/// use fresh ids, so they never see each other's organizations. The organization's clock is a fake that tests move.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public static readonly TimeSpan BreachAfter = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan ResumeInterval = TimeSpan.FromSeconds(2);

    public InProcessTestCluster Cluster { get; private set; } = null!;
    public OrgTasksClient Client { get; private set; } = null!;
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public Blockade Blockade { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddKeyedSingleton<TimeProvider>(OrgTasksServices.ClockKey, Clock);
            silo.Services.AddSingleton(Blockade);
            silo.Services.AllowTestHooks();
            silo.AddIncomingGrainCallFilter<BlockadeFilter>();
            silo.UseOrgTasks(new SiloSettings { Storage = StorageKind.Memory }, options =>
            {
                options.BreachAfter = BreachAfter;
                options.RetryInterval = TimeSpan.FromMilliseconds(100);
                // A distributor kept from delivering is asked again soon after its one-way call found the blockade.
                options.SendOutWait = TimeSpan.FromMilliseconds(500);
                options.ResumeInterval = ResumeInterval;
                // Routine tests call Tick themselves at the fake clock; the reminder must not tick other tests' routines.
                options.RoutineInterval = TimeSpan.FromHours(1);
                // Every unit of every leaflet records its spans, so trace tests see them all (without a listener: none).
                options.LeafletUnitTraceSampling = 1.0;
            });
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        Client = new OrgTasksClient(Cluster.Client, TestIdentity.Operator);
    }

    public T SiloService<T>() where T : notnull => Cluster.GetSiloServiceProvider().GetRequiredService<T>();

    public IDeliveryJournal Deliveries => SiloService<IDeliveryJournal>();

    /// <summary>
    /// A call made inside the silo, as a grain would make it: it carries the silos' proof and <paramref name="actor"/>
    /// as its identity. For testing the grains' own rules on calls that clients cannot make at all.
    /// </summary>
    public async Task<T> InsideAs<T>(OrgTasks.Identity.Actor actor, Func<IGrainFactory, Task<T>> call)
    {
        using (OrgTasks.Identity.ActorContext.Use(actor)) return await call(SiloService<IGrainFactory>());
    }

    /// <inheritdoc cref="InsideAs{T}"/>
    public async Task InsideAs(OrgTasks.Identity.Actor actor, Func<IGrainFactory, Task> call)
    {
        using (OrgTasks.Identity.ActorContext.Use(actor)) await call(SiloService<IGrainFactory>());
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
