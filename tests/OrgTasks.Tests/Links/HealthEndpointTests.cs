using OrgTasks.Silo.Health;

namespace OrgTasks.Tests.Links;

/// <summary>The health port answers GET on /healthz and /readyz and nothing else: no other path, no other method.</summary>
[Trait("Category", "Links")]
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Health_endpoint_serves_only_healthz_and_readyz()
    {
        await using var silo = await LinkSilo.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{silo.HealthPort}"), Timeout = TimeSpan.FromSeconds(10) };
        Assert.Equal(200, (int)(await http.GetAsync(HealthPaths.Liveness)).StatusCode);
        Assert.Equal(200, (int)(await http.GetAsync(HealthPaths.Readiness)).StatusCode);
        foreach (var path in new[] { "/", "/metrics", "/healthz/x", "/debug", "/../etc/passwd", "/readyz.json" })
            Assert.Equal(404, (int)(await http.GetAsync(path)).StatusCode);
        using var post = await http.PostAsync(HealthPaths.Liveness, new StringContent("x"));
        Assert.Equal(405, (int)post.StatusCode);
    }
}
