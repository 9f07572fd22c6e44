using System.Diagnostics;
using System.Runtime;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using OrgTasks.Grains.Agents;
using OrgTasks.Grains.Pumping;

namespace OrgTasks.Grains.WarmUp;

/// <summary>
/// Compiles the agents' activation path before the silo says it is ready. A fresh process runs its first thousands of
/// activations on quickly compiled code while the runtime compiles the hot methods again, optimized, on the same cores:
/// a second or more of compiling in the 1M city's first leaflet. So a starting silo activates
/// <see cref="OrgTasksOptions.WarmUpActivations"/> agents that cannot exist (their keys start with <see cref="KeyPrefix"/>,
/// which no organization file's id may contain): each reads its state from storage, finds none, answers that it has no
/// configuration and lets go, writing nothing. It also reads an agent's state back from its stored form as often, the
/// other half of an activation. Then it waits until the runtime stops compiling, at most <see cref="MaxSettle"/>, and
/// collects the garbage. This costs start-up time, about a second for 5,000 on two cores, instead of the first
/// mobilization's.
/// </summary>
/// <remarks>
/// Agents are placed as the cluster places them, so in a cluster the warm-up activations spread over the silos up at
/// the time, and each warms its share.
/// </remarks>
public sealed class WarmUpAtStartup(IGrainFactory grains, Serializer serializer, IOptions<OrgTasksOptions> options, ILogger<WarmUpAtStartup> logger)
    : IStartupTask
{
    /// <summary>The start of every warm-up agent's key: '~' is in no id an organization file may use.</summary>
    public const string KeyPrefix = "~warm-up/";

    /// <summary>The longest the silo waits after the activations for the runtime to finish compiling what they made hot.</summary>
    public static readonly TimeSpan MaxSettle = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan SettleStep = TimeSpan.FromMilliseconds(100);

    public async Task Execute(CancellationToken cancellationToken)
    {
        var count = options.Value.WarmUpActivations;
        if (count == 0) return;
        var started = Stopwatch.GetTimestamp();
        var compiledBefore = JitInfo.GetCompiledMethodCount();
        try
        {
            // Keys of this start only: two silos starting together never share a warm-up activation.
            var start = KeyPrefix + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray(), 0, 6) + "/";
            var keys = Enumerable.Range(0, count).Select(i => start + i).ToList();
            using (ActorContext.Use(Actor.System("warm-up")))
                await FanOut.ForEachAsync(keys, options.Value.FanOutLimit, key => grains.GetByKey<IAgentGrain>(key).GetConfig());
            ReadStatesBack(count);
            await SettleAsync(cancellationToken);
            // The throwaway activations are gone by now; give back the memory they took, or it would be counted in the
            // silo's working set until the next full collection.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A warm-up only saves time: a silo that could not finish it starts anyway, only colder.
            Log.WarmUpFailed(logger, error);
            return;
        }
        Log.WarmedUp(logger, count, Stopwatch.GetElapsedTime(started).TotalMilliseconds, JitInfo.GetCompiledMethodCount() - compiledBefore);
    }

    /// <summary>What each agent does when it activates with a configuration: its state read from its stored form.</summary>
    private void ReadStatesBack(int count)
    {
        var home = new UnitRef("~warm-up/unit", UnitKind.Distribution);
        var stored = serializer.SerializeToArray(new AgentState
        {
            Config = new AgentConfig
            {
                Organization = "~warm-up",
                Id = "~warm-up/agent",
                HomeUnit = home,
                Units = [home],
                ContactFor = [home],
                Route = new RouteSpec([], 40),
            },
        });
        for (var i = 0; i < count; i++) _ = serializer.Deserialize<AgentState>(stored);
    }

    /// <summary>Waits until a step passes in which the runtime compiled next to nothing, or <see cref="MaxSettle"/>.</summary>
    private static async Task SettleAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(MaxSettle.TotalSeconds * Stopwatch.Frequency);
        var last = JitInfo.GetCompiledMethodCount();
        while (Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(SettleStep, cancellationToken);
            var now = JitInfo.GetCompiledMethodCount();
            if (now - last < 5) return;
            last = now;
        }
    }
}
