namespace OrgTasks.Silo.Health;

/// <summary>The paths of the health endpoint, shared with the deployment files' probes (a test checks they agree).</summary>
public static class HealthPaths
{
    /// <summary>Liveness: 200 unless the silo was declared dead or its membership timers stalled.</summary>
    public const string Liveness = "/healthz";

    /// <summary>Readiness: 200 only while the silo is an active member of the cluster.</summary>
    public const string Readiness = "/readyz";
}
