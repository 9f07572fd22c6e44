using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using OrgTasks.Cli.Hosting;
using OrgTasks.Cli.Leaflets;
using OrgTasks.Cli.OrgFiles;
using OrgTasks.Client.Connection;
using OrgTasks.Organization;
using OrgTasks.Silo.Hosting;

namespace OrgTasks.Cli.Demo;

/// <summary>
/// The whole system in one process, the way a newcomer first meets it: a silo on free ports, a client connected
/// through its gateway, a city applied, a leaflet to every home (cold), a second one (warm), and the picture.
/// </summary>
internal sealed class DemoRun(TextWriter progress, bool terminal)
{
    private const string ClusterId = "orgtasks-demo";

    /// <summary>Above this many homes the default 2-minute call timeout is too short for a cold start.</summary>
    private const long BigCity = 100_000;

    private static readonly TimeSpan BigCityCallTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(20);

    /// <param name="cityPath">The organization file.</param>
    /// <param name="storage">Puts the storage chosen on the command line into the silo's settings.</param>
    /// <param name="cancellation">Ctrl+C.</param>
    public async Task<DemoResult> RunAsync(string cityPath, Action<SiloSettings> storage, CancellationToken cancellation)
    {
        progress.WriteLine($"demo: loading {cityPath} …");
        var city = CheckedOrgFile.Load(cityPath);
        var spec = city.RequireValid(progress);
        progress.WriteLine($"demo: {CheckedOrgFile.Describe(spec)} (loaded in {Format.Seconds(city.LoadTime.TotalSeconds)})");

        var settings = Settings(spec, storage);
        var store = await StorageOptions.PrepareAsync(settings, cancellation);
        try
        {
            return await RunSiloAsync(spec, city, settings, store, cancellation);
        }
        finally
        {
            if (await store.CloseAsync(CancellationToken.None)) progress.WriteLine("demo: managed PostgreSQL stopped");
        }
    }

    private async Task<DemoResult> RunSiloAsync(OrganizationSpec spec, CheckedOrgFile city, SiloSettings settings, SiloStore store,
        CancellationToken cancellation)
    {
        var credential = LocalOperator.Ensure(settings);
        using var host = SiloHosts.Build(settings);
        progress.WriteLine($"demo: starting a silo in this process ({SiloHosts.Describe(settings, store)}) …");
        await SiloHosts.StartAsync(host, settings, cancellation);
        try
        {
            await using var connection = await OrgTasksConnection.ConnectAsync(
                [$"127.0.0.1:{settings.GatewayPort}"], ConnectTimeout, credential, settings.ClusterId,
                // The library's 2-minute call timeout is set inside ConnectAsync; PostConfigure runs after it.
                services: services => services.PostConfigure<ClientMessagingOptions>(o => o.ResponseTimeout = settings.ResponseTimeout),
                links: settings.Links);
            var client = connection.Client;

            ApplyReport report;
            double applySeconds;
            await using (var ticker = new ElapsedTicker(progress, terminal, $"demo: applying organization {spec.Name}"))
            {
                report = await client.ApplyAsync(spec).WaitAsync(cancellation); // the call itself takes no token
                applySeconds = ticker.Elapsed.TotalSeconds;
            }
            progress.WriteLine($"demo: applied in {Format.Seconds(applySeconds)} ({Format.Count(report.UnitsAdded.Count)} units, "
                + $"{Format.Count(report.AgentsAdded.Count)} agents added)");

            var cold = await MobilizeAsync(client, spec, "cold: first leaflet, every grain activating on the way", settings, cancellation);
            var warm = await MobilizeAsync(client, spec, "warm: second leaflet, the organization already awake", settings, cancellation);

            using var self = Process.GetCurrentProcess();
            self.Refresh();
            return new DemoResult(city.Path, cold, warm, city.LoadTime.TotalSeconds, applySeconds,
                self.PeakWorkingSet64, GC.GetGCMemoryInfo().HeapSizeBytes);
        }
        finally
        {
            progress.WriteLine("demo: stopping the silo …");
            await SiloHosts.StopAsync(host, StopLimit);
        }
    }

    private static SiloSettings Settings(OrganizationSpec spec, Action<SiloSettings> storage)
    {
        var ports = FreePorts.Take(2);
        // Its own service id as well: on a database shared with a real silo, the demo's organization state stays apart.
        var settings = new SiloSettings { SiloPort = ports[0], GatewayPort = ports[1], ClusterId = ClusterId, ServiceId = ClusterId };
        storage(settings);
        if (spec.HomeCount > BigCity) settings.ResponseTimeout = BigCityCallTimeout;
        return settings;
    }

    /// <summary>Issues a leaflet from the committee to the whole city and waits until every home has it.</summary>
    private async Task<LeafletStatus> MobilizeAsync(OrgTasksClient client, OrganizationSpec spec, string what,
        SiloSettings settings, CancellationToken cancellation)
    {
        var committee = spec.Committee.Id;
        progress.WriteLine($"demo: leaflet from {committee} to every home of {spec.Name} ({what}) …");
        var id = await client.IssueLeafletAsync(committee, "Mobilization",
            $"To the workers of {spec.Name}: the committee calls you out tomorrow morning.", cancellation: cancellation)
            .WaitAsync(cancellation);

        // A bound on the wait, so that a distribution that stalls ends the demo with a message instead of hanging it.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(settings.ResponseTimeout);
        try
        {
            var status = await CoverageWait.WaitAsync(client, id, new CoverageProgress(progress, terminal), limit.Token);
            progress.WriteLine($"demo: every home reached in {Format.Seconds((status.CompletedAt!.Value - status.IssuedAt).TotalSeconds)}");
            return status;
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            var status = await client.GetLeafletStatusAsync(id);
            throw new CliException($"leaflet {id} had reached {Format.Count(status.HomesReached)} of {Format.Count(status.HomesTotal)} homes "
                + $"after {Format.Duration(settings.ResponseTimeout)}; giving up", ExitCodes.DeadlinePassed);
        }
    }
}
