using System.Globalization;
using OrgTasks.Silo.Cluster;
using OrgTasks.Tests.EndToEnd;
using OrgTasks.Tests.Organization;

namespace OrgTasks.Tests.Cluster;

/// <summary>The cluster options of <c>orgtasks silo</c>: bad values are one-line errors, and the README's defaults are the code's.</summary>
[Trait("Category", "Cluster")]
public sealed class ClusterOptionsTests
{
    [Theory]
    [InlineData("--advertise", "0.0.0.0", "--advertise: '0.0.0.0' is not an address other machines can reach")]
    [InlineData("--advertise", "no-such-host.invalid", "--advertise: cannot resolve 'no-such-host.invalid'")]
    [InlineData("--missed-probes", "0", "--missed-probes: 0 is not a count of at least 1")]
    [InlineData("--probe-timeout", "soon", "--probe-timeout: 'soon' is not a positive duration")]
    [InlineData("--health-port", "70000", "--health-port: 70000 is not a port")]
    [InlineData("--agent-placement", "near", "--agent-placement: 'near' is not one of: spread, with-caller")]
    public async Task A_bad_cluster_option_is_refused_with_a_one_line_error(string option, string value, string expected)
    {
        var run = await OrgTasksProcess.RunAsync("silo", "--storage", "memory", option, value);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(expected, run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public async Task Kubernetes_hosting_is_refused_on_memory_storage_which_has_no_shared_membership()
    {
        var run = await OrgTasksProcess.RunAsync("silo", "--storage", "memory", "--kubernetes");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--kubernetes joins silos into a cluster on PostgreSQL", run.Stderr);
    }

    [Fact]
    public void The_readme_gives_the_membership_defaults_of_the_code_and_the_detection_time_they_make()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var timing = new MembershipTiming();
        Assert.Contains($"| `--probe-timeout DURATION` | `{timing.ProbeTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s`", readme);
        Assert.Contains($"| `--missed-probes N` | `{timing.MissedProbesLimit}`", readme);
        Assert.Contains($"| `--table-refresh DURATION` | `{timing.TableRefreshTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s`", readme);
        Assert.Contains($"declared dead about **{timing.DetectionTime.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s**", readme);
    }
}
