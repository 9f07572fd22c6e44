namespace OrgTasks.Silo.Live;

public static class LiveFeedExtensions
{
    /// <summary>This silo's live feeds of leaflets and units, for the HTTP API's server-sent events.</summary>
    public static IServiceCollection AddOrgTasksLiveFeeds(this IServiceCollection services)
    {
        services.AddSingleton<LeafletFeed>();
        services.AddSingleton<UnitFeed>();
        return services;
    }
}
