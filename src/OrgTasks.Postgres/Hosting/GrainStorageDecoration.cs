using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace OrgTasks.Postgres.Hosting;

/// <summary>Wraps a named grain storage provider that is already registered, keeping its registration otherwise as it is.</summary>
internal static class GrainStorageDecoration
{
    public static IServiceCollection DecorateGrainStorage(this IServiceCollection services, string name,
        Func<IServiceProvider, IGrainStorage, IGrainStorage> decorate)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, name))
            ?? throw new InvalidOperationException($"no grain storage named '{name}' is registered to wrap");
        var create = registered.KeyedImplementationFactory
            ?? throw new InvalidOperationException($"the grain storage '{name}' is not registered by a factory");
        services.Remove(registered);
        services.AddKeyedSingleton<IGrainStorage>(name, (provider, key) => decorate(provider, (IGrainStorage)create(provider, key)));
        return services;
    }
}
