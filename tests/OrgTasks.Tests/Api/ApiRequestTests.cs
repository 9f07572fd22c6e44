using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Api;

/// <summary>
/// Every body is checked before any grain is called: a bad request is 400 problem details naming the field and what is
/// wrong, and it changes nothing. Leaflets issued through the API reach every home and read as `leaflet status` does.
/// </summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Api")]
public sealed class ApiRequestTests(ApiServerFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task Leaflet_issued_through_the_api_reaches_every_home_and_its_status_is_the_trackers()
    {
        var city = await Server.CityAsync();
        using var secretary = Server.Http(TestIdentity.Agent(city.Secretary, city.Spec.Name));
        using var issued = await secretary.PostJsonAsync("/api/v1/leaflets", new { from = city.Committee, title = "May Day", text = "To all workers!", deadline = "PT1H" });
        await issued.ExpectAsync(201);
        var id = (await issued.JsonAsync()).GetProperty("leafletId").GetString()!;

        var status = await Poll.UntilAsync(async () => await (await secretary.GetAsync($"/api/v1/leaflets/{id}")).JsonAsync(),
            json => json.GetProperty("complete").GetBoolean(), TimeSpan.FromSeconds(30), "full coverage");
        Assert.Equal(city.Spec.HomeCount, status.GetProperty("homesReached").GetInt64());
        var tracker = await Server.Operator.GetLeafletStatusAsync(id);
        Assert.Equal(JsonSerializer.Serialize(tracker, ApiServer.Json), status.GetRawText());
    }

    [Fact]
    public async Task Bad_leaflets_are_refused_naming_the_field_and_issue_nothing()
    {
        var city = await Server.CityAsync();
        using var http = Server.Http(TestIdentity.Operator);
        var bad = new (object Body, string Field)[]
        {
            (new { from = city.Committee, text = "no title" }, "title"),
            (new { from = city.Committee, title = "T", text = new string('x', 200_001) }, "text"),
            (new { title = "T", text = "no issuer" }, "from"),
            (new { from = city.Committee, title = "T", text = "x", deadline = "PT0S" }, "deadline"),
            (new { from = city.Committee, title = "T\0", text = "x" }, "title"),
        };
        foreach (var (body, field) in bad)
        {
            using var response = await http.PostJsonAsync("/api/v1/leaflets", body);
            await response.ExpectAsync(400);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.JsonAsync();
            Assert.Contains(field, problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
            Assert.Contains(field, problem.GetProperty("detail").GetString());
        }
        using var badDuration = await http.PostAsync("/api/v1/leaflets",
            new StringContent($$"""{"from":"{{city.Committee}}","title":"T","text":"x","deadline":"soon"}""", Encoding.UTF8, "application/json"));
        await badDuration.ExpectAsync(400);
        Assert.Contains("deadline", (await badDuration.JsonAsync()).GetProperty("detail").GetString());

        // Nothing was issued: the committee's picture lists no leaflet; one good issue shows that it would.
        Assert.Empty(await LeafletsAsync(http, city.Committee));
        using var good = await http.PostJsonAsync("/api/v1/leaflets", new { from = city.Committee, title = "T", text = "x" });
        await good.ExpectAsync(201);
        var id = (await good.JsonAsync()).GetProperty("leafletId").GetString();
        await Poll.UntilAsync(() => LeafletsAsync(http, city.Committee), ids => ids.Contains(id!), TimeSpan.FromSeconds(30), "the good leaflet in the picture");
    }

    [Fact]
    public async Task Bad_statements_are_refused_naming_the_field_and_send_nothing()
    {
        var city = await Server.CityAsync();
        var author = city.Distributor(1, 1, 3);
        using var agent = Server.Http(TestIdentity.Agent(author, city.Spec.Name));
        foreach (var (body, field) in new (string Body, string Field)[]
        {
            ("""{"to":"committee","text":""}""", "text"),
            ("""{"text":"to no one"}""", "to"),
            ($$"""{"to":"committee","text":"{{new string('x', 20_001)}}"}""", "text"),
            ("""{"to":"the-tsar","text":"x"}""", "to"),
            ("""{"to":"committee","text":"x","kind":"order"}""", "kind"),
            ("""{"to":"committee","text":"x","kind":2}""", "kind"),
            ("""{"to":"committee","text":"x""", "text"),
            ("[1, 2]", "body"),
        })
        {
            using var response = await agent.PostAsync("/api/v1/statements", new StringContent(body, Encoding.UTF8, "application/json"));
            await response.ExpectAsync(400);
            Assert.Contains(field, (await response.JsonAsync()).GetProperty("detail").GetString());
        }

        // Nothing was sent: neither the author's group nor the committee holds a statement from it.
        using var operatorHttp = Server.Http(TestIdentity.Operator);
        Assert.Equal(0, await InboxCountAsync(operatorHttp, city.Group(1, 1)));
        Assert.Equal(0, await InboxCountAsync(operatorHttp, city.Committee));
        await (await agent.PostJsonAsync("/api/v1/statements", new { to = "committee", text = "good" })).ExpectAsync(201);
        await Poll.UntilAsync(() => InboxCountAsync(operatorHttp, city.Committee), count => count == 1, TimeSpan.FromSeconds(30), "the good statement");
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_refused_413()
    {
        using var http = Server.Http(TestIdentity.Operator);
        using var response = await http.PostAsync("/api/v1/statements",
            new StringContent($$"""{"to":"committee","text":"{{new string('x', 2 * 1024 * 1024)}}"}""", Encoding.UTF8, "application/json"));
        await response.ExpectAsync(413);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Invalid_organization_file_is_refused_naming_line_and_field_and_applies_nothing()
    {
        var city = TestCity.Create();
        var broken = city.Yaml.Replace("  cooptation: two-thirds", "  cooptation: by-acclamation");
        using var http = Server.Http(TestIdentity.Operator);
        using var validated = await http.PostAsync("/api/v1/org/validate?file=city.yaml", new StringContent(broken, Encoding.UTF8, "application/yaml"));
        await validated.ExpectAsync(200);
        var verdict = await validated.JsonAsync();
        Assert.False(verdict.GetProperty("valid").GetBoolean());
        var error = verdict.GetProperty("errors").EnumerateArray().First();
        Assert.Equal("city.yaml", error.GetProperty("file").GetString());
        Assert.True(error.GetProperty("line").GetInt32() > 0);

        using var applied = await http.PostAsync("/api/v1/org/apply?file=city.yaml", new StringContent(broken, Encoding.UTF8, "application/yaml"));
        await applied.ExpectAsync(400);
        var problem = await applied.JsonAsync();
        var first = problem.GetProperty("errors").EnumerateArray().First();
        Assert.Contains("cooptation", first.GetProperty("field").GetString());
        Assert.Equal(error.GetProperty("line").GetInt32(), first.GetProperty("line").GetInt32());
        Assert.Contains($"city.yaml:{first.GetProperty("line").GetInt32()}:", problem.GetProperty("detail").GetString());

        await (await http.GetAsync($"/api/v1/org?unit={city.Committee}")).ExpectAsync(404);
        await (await http.PostAsync("/api/v1/org/apply", new StringContent(city.Yaml, Encoding.UTF8, "application/yaml"))).ExpectAsync(200);
        await (await http.GetAsync($"/api/v1/org?unit={city.Committee}")).ExpectAsync(200);
    }

    [Fact]
    public async Task An_organization_file_may_be_larger_than_the_body_limit_of_other_requests()
    {
        var city = TestCity.Create();
        var padded = city.Yaml + "\n" + string.Concat(Enumerable.Repeat("# a long comment line of a file written out by hand, unit by unit\n", 40_000));
        Assert.True(padded.Length > Server.Settings.MaxRequestBodySize);
        using var http = Server.Http(TestIdentity.Operator);
        using var response = await http.PostAsync("/api/v1/org/validate", new StringContent(padded, Encoding.UTF8, "application/yaml"));
        await response.ExpectAsync(200);
        Assert.True((await response.JsonAsync()).GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Unit_ids_with_slashes_are_written_escaped_in_paths()
    {
        var city = await Server.CityAsync();
        using var http = Server.Http(TestIdentity.Operator);
        using var response = await http.GetAsync($"/api/v1/units/{ApiResponses.Segment(city.Group(1, 1))}/inbox");
        await response.ExpectAsync(200);
        Assert.Equal(city.Group(1, 1), (await response.JsonAsync()).GetProperty("unit").GetString());
    }

    [Fact]
    public async Task Unknown_paths_and_unknown_ids_answer_problem_details()
    {
        using var http = Server.Http(TestIdentity.Operator);
        using var path = await http.GetAsync("/api/v1/no-such-thing");
        await path.ExpectAsync(404);
        Assert.Equal("application/problem+json", path.Content.Headers.ContentType?.MediaType);
        using var unit = await http.GetAsync("/api/v1/units/no-such-unit/inbox");
        await unit.ExpectAsync(404);
        Assert.Contains("no-such-unit", (await unit.JsonAsync()).GetProperty("detail").GetString());
    }

    private static async Task<List<string>> LeafletsAsync(HttpClient http, string committee)
    {
        using var response = await http.GetAsync($"/api/v1/picture?unit={committee}");
        await response.ExpectAsync(200);
        return (await response.JsonAsync()).EnumerateArray().SelectMany(p => p.GetProperty("leaflets").EnumerateArray().Select(l => l.GetString()!)).ToList();
    }

    private static async Task<int> InboxCountAsync(HttpClient http, string unit)
    {
        using var response = await http.GetAsync($"/api/v1/units/{ApiResponses.Segment(unit)}/inbox");
        await response.ExpectAsync(200);
        return (await response.JsonAsync()).GetProperty("entries").GetArrayLength();
    }
}
