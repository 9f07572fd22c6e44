using System.Net;
using Orleans.Configuration;
using OrgTasks.Silo.Hosting;

namespace OrgTasks.Silo.Cluster;

/// <summary>
/// Where a silo of a PostgreSQL cluster listens and what address it writes into the membership table for the others.
/// Three cases, from one machine to many:
/// <list type="bullet">
/// <item>no address: loopback only (127.0.0.1), so several local silos form a cluster that nothing outside can reach;</item>
/// <item>an address (<c>--advertise 10.0.0.5</c>): listens on every interface and advertises that one (systemd hosts, compose);</item>
/// <item>Kubernetes: Orleans' Kubernetes hosting advertises the pod's IP and listens on every interface.</item>
/// </list>
/// </summary>
public static class ClusterEndpoints
{
    public static ISiloBuilder UseOrgTasksEndpoints(this ISiloBuilder silo, SiloSettings settings)
    {
        if (settings.Kubernetes)
        {
            // Takes POD_NAME, POD_IP and POD_NAMESPACE from the pod (the Deployment passes them down), names the silo
            // after the pod, and deletes defunct silos' pods' entries when Kubernetes says the pod is gone.
            silo.UseKubernetesHosting();
            silo.Configure<EndpointOptions>(o =>
            {
                o.SiloPort = settings.SiloPort;
                o.GatewayPort = settings.GatewayPort;
                if (settings.AdvertisedAddress is { } address) o.AdvertisedIPAddress = address;
            });
            return silo;
        }
        silo.Configure<EndpointOptions>(o =>
        {
            o.SiloPort = settings.SiloPort;
            o.GatewayPort = settings.GatewayPort;
            if (settings.AdvertisedAddress is { } address)
            {
                o.AdvertisedIPAddress = address;
                o.SiloListeningEndpoint = new IPEndPoint(IPAddress.Any, settings.SiloPort);
                o.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Any, settings.GatewayPort);
            }
            else
            {
                o.AdvertisedIPAddress = IPAddress.Loopback;
            }
        });
        return silo;
    }
}
