using Microsoft.Extensions.Logging;
using OrgTasks.Postgres.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Storage;

namespace OrgTasks.Postgres.Failures;

internal static class StorageFailureRegistration
{
    /// <summary>
    /// Wraps the grain storage registered under <paramref name="name"/> in <see cref="StorageFailureGrainStorage"/> and adds
    /// <see cref="StorageFailureFilter"/>. The storage's own registration is kept and called for the inner instance, so its
    /// options and its part in the silo's lifecycle (which Orleans finds through the same keyed service) are unchanged.
    /// </summary>
    public static ISiloBuilder AddStorageFailureTranslation(this ISiloBuilder silo, string name)
    {
        silo.Services.DecorateGrainStorage(name, (provider, inner) =>
            new StorageFailureGrainStorage(inner, provider.GetRequiredService<ILoggerFactory>().CreateLogger<StorageFailureGrainStorage>()));
        silo.AddIncomingGrainCallFilter<StorageFailureFilter>();
        return silo;
    }
}
