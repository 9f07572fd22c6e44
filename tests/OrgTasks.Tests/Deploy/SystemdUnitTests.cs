using System.Diagnostics;

namespace OrgTasks.Tests.Deploy;

/// <summary>deploy/systemd: each unit passes <c>systemd-analyze verify</c> without a word, and runs the right command.</summary>
[Trait("Category", "Deploy")]
public sealed class SystemdUnitTests
{
    [Fact]
    public void The_silo_unit_runs_the_server_with_the_ports_of_its_instance_and_stops_it_gracefully()
    {
        var unit = DeployFiles.Unit(Path.Combine("systemd", "orgtasks-silo@.service"));
        var exec = unit["Service"]["ExecStart"].Single();
        Assert.StartsWith("/usr/bin/dotnet /opt/orgtasks-server/orgtasks-server.dll --", exec);
        var ports = File.ReadAllLines(DeployFiles.PathOf(Path.Combine("systemd", "silo-1.env.example")));
        Assert.Contains($"HTTP_PORT={OrgTasks.Api.Hosting.ServerSettings.DefaultHttpPort}", ports);
        Assert.Contains("--http-port ${HTTP_PORT}", exec);
        foreach (var variable in new[] { "SILO_PORT", "GATEWAY_PORT", "HTTP_PORT", "HEALTH_PORT" })
        {
            Assert.Contains("${" + variable + "}", exec);
            Assert.Contains(File.ReadAllLines(DeployFiles.PathOf(Path.Combine("systemd", "silo-1.env.example"))), l => l.StartsWith(variable + "=", StringComparison.Ordinal));
        }
        Assert.Equal(["/etc/orgtasks/orgtasks.env", "/etc/orgtasks/silo-%i.env"], unit["Service"]["EnvironmentFile"]);
        Assert.Equal("SIGTERM", unit["Service"]["KillSignal"].Single());
        Assert.Equal("orgtasks", unit["Service"]["User"].Single());
        var shared = File.ReadAllLines(DeployFiles.PathOf(Path.Combine("systemd", "orgtasks.env.example")));
        Assert.Contains(shared, l => l.StartsWith("ORGTASKS_POSTGRES=", StringComparison.Ordinal));
        Assert.Contains(shared, l => l.StartsWith("ORGTASKS_CLUSTER_ID=", StringComparison.Ordinal));
        // TLS from files (the unit's file system is read-only: nothing is made at start).
        foreach (var variable in new[] { OrgTasks.Links.LinkSettings.CertificateVariable, OrgTasks.Links.LinkSettings.CertificateKeyVariable, OrgTasks.Links.LinkSettings.CaVariable })
            Assert.Contains(shared, l => l.StartsWith(variable + "=/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_postgres_unit_starts_and_stops_the_managed_server_and_follows_its_pid_file()
    {
        var unit = DeployFiles.Unit(Path.Combine("systemd", "orgtasks-postgres.service"));
        Assert.Equal("forking", unit["Service"]["Type"].Single());
        Assert.EndsWith("orgtasks.dll db start --data /var/lib/orgtasks", unit["Service"]["ExecStart"].Single());
        Assert.EndsWith("orgtasks.dll db stop --data /var/lib/orgtasks", unit["Service"]["ExecStop"].Single());
        Assert.Equal("/var/lib/orgtasks/postgres/postmaster.pid", unit["Service"]["PIDFile"].Single());
        Assert.Contains("orgtasks-postgres.service", DeployFiles.Unit(Path.Combine("systemd", "orgtasks-silo@.service"))["Unit"]["After"].Single());
    }

    [Theory]
    [InlineData("orgtasks-postgres.service", "orgtasks-postgres.service")]
    [InlineData("orgtasks-silo@.service", "orgtasks-silo@1.service")]
    public void Systemd_verifies_the_unit_without_a_warning(string file, string asName)
    {
        // systemd-analyze ships with systemd, which this machine and CI have; it reports unknown keys and bad values on
        // stderr (and exits 0 for some of them), so silence is the pass. It needs the name a unit is installed as.
        if (!KubernetesFileTests.OnPath("systemd-analyze")) return;
        var folder = Directory.CreateTempSubdirectory("orgtasks-units-");
        try
        {
            var copy = Path.Combine(folder.FullName, asName);
            File.Copy(DeployFiles.PathOf(Path.Combine("systemd", file)), copy);
            var start = new ProcessStartInfo("systemd-analyze", ["verify", copy]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var said = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0 && said.Trim().Length == 0, $"systemd-analyze verify {file}: exit {process.ExitCode}\n{said}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
