using Microsoft.Playwright;
using OrgTasks.Tests.Api;
using OrgTasks.Tests.Infrastructure;
using OrgTasks.Tests.Live;

namespace OrgTasks.Tests.Browser;

/// <summary>
/// The web pages in a real browser against the real server host: the centre watches a 100,000-home mobilization reach
/// every home live, an agent sends a statement from its page and it arrives in the committee's inbox, and an agent is
/// refused the centre's data.
/// </summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Browser")]
public sealed class WebPagesTests(ApiServerFixture fixture, Chromium chromium) : IClassFixture<Chromium>
{
    private ApiServer Server => fixture.Server;

    private async Task<IPage> SignedInAsync(string credential, string next)
    {
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(new Uri(Server.BaseAddress, "/signin?next=" + Uri.EscapeDataString(next)).ToString());
        await page.FillAsync("#credential", credential);
        await page.ClickAsync("button[type=submit]");
        // The page goes on to `next` once the session is set; if it does not, the sign-in page says why.
        await Poll.UntilAsync(async () => new Uri(page.Url).PathAndQuery == next
            ? "" : $"at {page.Url}: {await page.Locator("main").InnerTextAsync(new() { Timeout = 5_000 })}", at => at == "", TimeSpan.FromSeconds(60), "signed in");
        return page;
    }

    private static Task<string> TextAsync(IPage page, string selector, Func<string, bool> done, string what) =>
        Poll.UntilAsync(async () => await page.Locator(selector).TextContentAsync() ?? "", done, TimeSpan.FromSeconds(60), what);

    [Fact]
    public async Task The_centre_watches_a_100000_home_mobilization_reach_every_home_live()
    {
        var city = MobilizationCity.Create();
        Assert.Equal(100_000, city.Homes);
        await Server.Operator.ApplyAsync(city.Spec);
        // One group of 5,000 homes is cut off (every member arrested): the page shows the city short of them, live.
        var held = city.Members(3, 2);
        await Server.Operator.ArrestAllAsync(held);
        var leaflet = await Server.Operator.IssueLeafletAsync(city.Committee, "To the whole city", "All out tomorrow at dawn");

        var page = await SignedInAsync(TestIdentity.Operator, $"/centre?committee={Uri.EscapeDataString(city.Committee)}&leaflet={leaflet}");
        await TextAsync(page, "#total", t => t == "95,000 / 100,000 homes", "the city short of the cut-off group");
        Assert.Contains("cut off", await page.Locator("#stragglers").TextContentAsync());
        Assert.Equal("delivering", await page.Locator("#state").TextContentAsync());

        await Server.Operator.ReleaseAllAsync(held);
        await TextAsync(page, "#total", t => t == "100,000 / 100,000 homes", "every home, pushed to the page");
        await TextAsync(page, "#state", t => t == "complete", "the leaflet complete");
        Assert.Equal(10, await page.Locator("#tree > li").CountAsync());
        Assert.NotEqual("—", await page.Locator("#t100").TextContentAsync());
        await Chromium.ScreenshotAsync(page, "centre.png");
    }

    [Fact]
    public async Task An_agent_sends_a_statement_from_its_page_and_the_committees_inbox_shows_it_arrive()
    {
        var city = await Server.CityAsync(districts: 2);
        var author = city.Distributor(2, 1, 3);
        var centre = await SignedInAsync(TestIdentity.Operator, $"/centre?committee={Uri.EscapeDataString(city.Committee)}");
        var agent = await SignedInAsync(TestIdentity.Agent(author, city.Spec.Name), "/agent");
        await TextAsync(agent, "#home-unit", t => t == city.Group(2, 1), "the agent's own group");

        await agent.SelectOptionAsync("#to", "committee");
        await agent.FillAsync("#text", "The foreman at the rolling mill informs the police.");
        await agent.ClickAsync("#submit");
        var id = await TextAsync(agent, "#statement-id", t => t.Length > 0, "the statement's id");
        await TextAsync(agent, "#where", t => t == $"arrived at {city.Committee}", "the statement climbing to the committee");
        var hops = await agent.Locator("#hops li").AllTextContentsAsync();
        Assert.Equal([$"{city.Group(2, 1)} (unit)", $"{city.Committee} (inbox)"], new[] { hops[0], hops[^1] });
        Assert.Contains(hops, h => h.StartsWith(city.District(2), StringComparison.Ordinal));
        await Chromium.ScreenshotAsync(agent, "agent.png");

        // The centre's page got it live, and the API says the same.
        await TextAsync(centre, "#entries", t => t.Contains(id, StringComparison.Ordinal), "the statement in the centre's live inbox");
        using var http = Server.Http(TestIdentity.Operator);
        var inbox = await (await http.GetAsync($"/api/v1/units/{ApiResponses.Segment(city.Committee)}/inbox")).JsonAsync();
        Assert.Contains(inbox.GetProperty("entries").EnumerateArray(), e => e.GetProperty("statement").GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task An_agent_opening_the_centre_sees_a_refusal_and_none_of_its_data()
    {
        var city = await Server.CityAsync(districts: 1);
        var leaflet = await Server.Operator.IssueLeafletAsync(city.Committee, "Officers only", "the centre's picture");
        var page = await SignedInAsync(TestIdentity.Agent(city.Distributor(1, 1, 3), city.Spec.Name),
            $"/centre?committee={Uri.EscapeDataString(city.Committee)}&leaflet={leaflet}");

        var refusal = await TextAsync(page, "#refused", t => t.Length > 0, "the refusal");
        Assert.StartsWith("Refused: ", refusal);
        Assert.Contains("only the officers", refusal);
        Assert.True(await page.Locator("#mobilization").IsHiddenAsync());
        Assert.Equal("—", await page.Locator("#total").TextContentAsync());
        await TextAsync(page, "#breaches", t => t.StartsWith("Refused: ", StringComparison.Ordinal), "the breaches refused");
    }
}
