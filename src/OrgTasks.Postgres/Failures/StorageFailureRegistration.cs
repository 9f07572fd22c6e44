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
        var services = silo.Services;
        var original = services.LastOrDefault(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, name))
            ?? throw new InvalidOperationException($"no grain storage named '{name}' is registered");
        services.Remove(original);
        services.AddKeyedSingleton<IGrainStorage>(name, (provider, key) =>
        {
            var inner = original.KeyedImplementationInstance as IGrainStorage
                ?? original.KeyedImplementationFactory?.Invoke(provider, key) as IGrainStorage
                ?? (IGrainStorage)ActivatorUtilities.CreateInstance(provider, original.KeyedImplementationType!);
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger<StorageFailureGrainStorage>();
            return new StorageFailureGrainStorage(inner, logger);
        });
        silo.AddIncomingGrainCallFilter<StorageFailureFilter>();
        return silo;
    }
}
