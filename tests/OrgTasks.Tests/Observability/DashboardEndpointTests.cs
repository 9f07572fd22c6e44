using OrgTasks.Tests.Api;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Observability;

/// <summary>The Orleans Dashboard at <c>/dashboard/</c>, for the operator only.</summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Observability")]
public sealed class DashboardEndpointTests(ApiServerFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/DashboardCounters")]
    public async Task Without_a_credential_the_dashboard_is_401(string path)
    {
        using var http = Server.Http(null);
        await (await http.GetAsync(path)).ExpectAsync(401);
    }

    [Theory]
    [InlineData("/dashboard/")]
    [InlineData("/dashboard/DashboardCounters")]
    public async Task With_an_agents_credential_the_dashboard_is_403(string path)
    {
        var city = await Server.CityAsync();
        using var http = Server.Http(TestIdentity.Agent(city.Secretary, city.Spec.Name));
        await (await http.GetAsync(path)).ExpectAsync(403);
    }

    [Fact]
    public async Task The_operator_sees_the_dashboard_page_and_its_live_counters()
    {
        using var http = Server.Http(TestIdentity.Operator);
        using var page = await http.GetAsync("/dashboard/");
        await page.ExpectAsync(200);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        // The counters come from the dashboard's grains in this silo: the call gate lets the silo's own calls through.
        var counters = await Poll.UntilAsync(async () =>
        {
            using var response = await http.GetAsync("/dashboard/DashboardCounters");
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }, r => r.Item1 == 200 && r.Item2.Contains("totalActivationCount", StringComparison.Ordinal), what: "the dashboard's counters");
        Assert.Contains("\"hosts\"", counters.Item2);
    }
}
