using System.Diagnostics;
using OrgTasks.Baselines;
using OrgTasks.Organization;

namespace OrgTasks.LoadTest.Baselines;

/// <summary>
/// Baseline (a), in the same silo as OrgTasks: the plain Orleans fan-out a newcomer would write (see
/// <see cref="PlainCommitteeGrain"/>). Timed from the client: one call that returns when every distributor has answered.
/// </summary>
internal sealed class PlainFanOutBaseline(OrgTasksClient client, OrganizationSpec spec, CallMeter? meter)
{
    private IPlainCommitteeGrain Committee => client.Grains.GetGrain<IPlainCommitteeGrain>("baseline-" + spec.Committee.Id);

    /// <summary>Hands the committee its distributors; not part of any timing.</summary>
    public Task PrepareAsync() =>
        client.As(null, () => Committee.Prepare(spec.Agents.Where(a => a.HomeCount > 0).Select(a => new PlainRoute("baseline-" + a.Id, a.HomeCount)).ToList()));

    /// <summary>Time until every distributor answered, and this process's CPU time meanwhile; the homes counted must be the city's.</summary>
    public async Task<BaselineRun> RunAsync()
    {
        var cpu = ProcessFigures.CpuTime();
        var allocated = ProcessFigures.AllocatedBytes();
        meter?.Take();
        var watch = Stopwatch.StartNew();
        // The operator's credential, checked once at the gateway as for OrgTasks' own calls: the fan-out inside is not.
        var reached = await client.As(null, () => Committee.Mobilize(Ids.NewLeafletId()));
        var run = new BaselineRun(watch.Elapsed.TotalSeconds, (ProcessFigures.CpuTime() - cpu).TotalSeconds, ProcessFigures.AllocatedBytes() - allocated)
        {
            Messages = meter?.Take().Messages,
        };
        if (reached != spec.HomeCount)
            throw new InvalidOperationException($"baseline fan-out reached {reached:N0} of {spec.HomeCount:N0} homes");
        return run;
    }
}
