using System.Net;

namespace OrgTasks.Silo.Health;

public static class HealthEndpointExtensions
{
    /// <summary>
    /// Serves <c>/healthz</c> and <c>/readyz</c> on <paramref name="port"/>: on loopback for a silo that is itself on
    /// loopback, on every interface for a silo that other machines reach (an advertised address, or a pod whose probes
    /// come from the kubelet).
    /// </summary>
    public static IServiceCollection AddOrgTasksHealthEndpoint(this IServiceCollection services, IPAddress? advertised, int port, bool kubernetes)
    {
        var address = advertised is not null || kubernetes ? IPAddress.Any : IPAddress.Loopback;
        services.AddSingleton(new HealthEndpointOptions(address, port));
        services.AddHostedService<HealthEndpoint>();
        return services;
    }
}
