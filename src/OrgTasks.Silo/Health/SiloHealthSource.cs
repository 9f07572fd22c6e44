using Orleans.Runtime;
using OrgTasks.Silo.Cluster;

namespace OrgTasks.Silo.Health;

/// <summary>
/// The silo's <see cref="SiloHealth"/>, made once the silo's membership service can be had. A probe may come while the
/// host is still starting the services before the silo; until the silo exists this answers null.
/// </summary>
public sealed class SiloHealthSource(IServiceProvider services)
{
    private SiloHealth? _health;

    public SiloHealth? Get()
    {
        if (_health is not null) return _health;
        try
        {
            return _health = new SiloHealth(services.GetRequiredService<ISiloStatusOracle>(), services.GetServices<IHealthCheckParticipant>());
        }
        catch (Exception error) when (error is InvalidOperationException or ObjectDisposedException)
        {
            return null;
        }
    }
}
