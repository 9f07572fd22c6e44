using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Api;

/// <summary>
/// The API takes the organization's credentials and decides nothing itself: the grains decide each call exactly as
/// for a remote client (the [Access] matrix, the relation, the standing), so the API cannot be used to escalate.
/// </summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Api")]
public sealed class ApiIdentityTests(ApiServerFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task Request_without_credential_is_401_saying_it_is_missing()
    {
        using var http = Server.Http(null);
        using var response = await http.GetAsync("/api/v1/breaches");
        await response.ExpectAsync(401);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no credential", (await response.JsonAsync()).GetProperty("detail").GetString());
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Credential_with_a_bad_signature_is_401_saying_so()
    {
        var city = await Server.CityAsync();
        var token = TestIdentity.Agent(city.Distributor(1, 1, 3), city.Spec.Name);
        var dot = token.LastIndexOf('.');
        var forged = token[..(dot + 5)] + (token[dot + 5] == 'A' ? 'B' : 'A') + token[(dot + 6)..];
        using var http = Server.Http(forged);
        using var response = await http.GetAsync($"/api/v1/statements/none");
        await response.ExpectAsync(401);
        Assert.Contains("signature", (await response.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Expired_credential_is_401_saying_when_it_expired()
    {
        var city = await Server.CityAsync();
        using var http = Server.Http(TestIdentity.Agent(city.Distributor(1, 1, 3), city.Spec.Name, TimeSpan.FromMinutes(-1)));
        using var response = await http.GetAsync("/api/v1/session");
        await response.ExpectAsync(401);
        Assert.Contains("expired", (await response.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Revoked_credential_is_401_saying_it_was_revoked()
    {
        var city = await Server.CityAsync();
        var issued = await Server.Operator.IssueCredentialAsync(city.Distributor(1, 1, 3), TimeSpan.FromDays(1));
        using var http = Server.Http(issued.Token);
        await (await http.GetAsync("/api/v1/session")).ExpectAsync(200);
        await Server.Operator.RevokeCredentialAsync(issued.Record.Claims.Id);
        var refused = await Poll.UntilAsync(() => http.GetAsync("/api/v1/session"), r => r.StatusCode == HttpStatusCode.Unauthorized,
            TimeSpan.FromSeconds(30), "the revocation to reach the API");
        Assert.Contains("revoked", (await refused.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Agent_bearer_on_an_operator_endpoint_is_refused_403_with_the_reason()
    {
        var city = await Server.CityAsync();
        using var http = Server.Http(TestIdentity.Agent(city.Secretary, city.Spec.Name));
        using var response = await http.GetAsync("/api/v1/breaches");
        await response.ExpectAsync(403);
        var detail = (await response.JsonAsync()).GetProperty("detail").GetString();
        Assert.Contains("GetBreaches", detail);
        Assert.Contains("operator", detail);
    }

    [Fact]
    public async Task Agent_reading_another_units_inbox_is_refused_without_learning_that_the_unit_exists()
    {
        var city = await Server.CityAsync();
        var other = $"/api/v1/units/{ApiResponses.Segment(city.District(2))}/inbox";
        using var contact = Server.Http(TestIdentity.Agent(city.DistrictContact(1), city.Spec.Name));
        await (await contact.GetAsync($"/api/v1/units/{ApiResponses.Segment(city.District(1))}/inbox")).ExpectAsync(200);
        // The registry names a unit only to its members, contacts and delegates (need to know): to anyone else it is not there.
        using var response = await contact.GetAsync(other);
        await response.ExpectAsync(404);
        Assert.Contains("no unit", (await response.JsonAsync()).GetProperty("detail").GetString());
        using var operatorHttp = Server.Http(TestIdentity.Operator);
        await (await operatorHttp.GetAsync(other)).ExpectAsync(200);
    }

    [Fact]
    public async Task Agent_of_another_unit_reading_an_inbox_it_can_locate_is_refused_403()
    {
        var city = await Server.CityAsync();
        // A distributor is a member of its group, so the registry finds the group for it; its inbox is for the group's officers.
        using var distributor = Server.Http(TestIdentity.Agent(city.Distributor(1, 1, 3), city.Spec.Name));
        using var response = await distributor.GetAsync($"/api/v1/units/{ApiResponses.Segment(city.Group(1, 1))}/inbox");
        await response.ExpectAsync(403);
        Assert.Contains("may not read", (await response.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Agent_sends_a_statement_as_itself_and_it_climbs_to_the_committee()
    {
        var city = await Server.CityAsync();
        var author = city.Distributor(1, 1, 3);
        using var agent = Server.Http(TestIdentity.Agent(author, city.Spec.Name));
        using var sent = await agent.PostJsonAsync("/api/v1/statements", new { to = "committee", text = "the press is ready", kind = "report" });
        await sent.ExpectAsync(201);
        var id = (await sent.JsonAsync()).GetProperty("id").GetString()!;
        Assert.EndsWith($"/api/v1/statements/{id}", sent.Headers.Location?.ToString());

        using var route = await agent.GetAsync($"/api/v1/statements/{id}");
        await route.ExpectAsync(200);
        Assert.Equal(author, (await route.JsonAsync()).GetProperty("author").GetString());

        // Every hop after the first is a call between grains: silo-internal calls still carry the silo's proof.
        using var secretary = Server.Http(TestIdentity.Agent(city.Secretary, city.Spec.Name));
        var inbox = await Poll.UntilAsync(async () => await (await secretary.GetAsync($"/api/v1/units/{city.Committee}/inbox")).JsonAsync(),
            json => json.GetProperty("entries").EnumerateArray().Any(e => e.GetProperty("statement").GetProperty("id").GetString() == id),
            TimeSpan.FromSeconds(30), "the statement in the committee's inbox");
        var entry = inbox.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("statement").GetProperty("id").GetString() == id);
        Assert.Equal(author, entry.GetProperty("statement").GetProperty("author").GetString());
        // The secretary, an officer, sees the quarantine on the way to its inbox as the operator does: nothing is held.
        Assert.Empty(inbox.GetProperty("quarantined").EnumerateArray());
    }

    [Fact]
    public async Task Agent_cannot_send_a_statement_as_another_agent()
    {
        var city = await Server.CityAsync();
        using var agent = Server.Http(TestIdentity.Agent(city.Distributor(1, 1, 3), city.Spec.Name));
        using var response = await agent.PostJsonAsync("/api/v1/statements", new { to = "committee", text = "x", from = city.Secretary });
        await response.ExpectAsync(400);
        Assert.Contains("from", (await response.JsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Session_sign_in_sets_an_http_only_strict_cookie_that_authenticates_and_sign_out_removes_it()
    {
        var city = await Server.CityAsync();
        var cookies = new CookieContainer();
        using var http = Server.Http(null, ApiServer.Handler(cookies));
        using var signIn = await http.PostJsonAsync("/api/v1/session", new { credential = TestIdentity.Agent(city.Secretary, city.Spec.Name) });
        await signIn.ExpectAsync(200);
        var setCookie = signIn.Headers.GetValues("Set-Cookie").Single();
        Assert.StartsWith("orgtasks_credential=", setCookie);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", setCookie.Replace("orgtasks_credential", ""), StringComparison.OrdinalIgnoreCase); // plain HTTP here

        using var who = await http.GetAsync("/api/v1/session");
        await who.ExpectAsync(200);
        Assert.Equal(city.Secretary, (await who.JsonAsync()).GetProperty("subject").GetString());
        await (await http.GetAsync($"/api/v1/units/{city.Committee}/inbox")).ExpectAsync(200);

        await (await http.DeleteAsync("/api/v1/session")).ExpectAsync(204);
        await (await http.GetAsync("/api/v1/session")).ExpectAsync(401);
    }

    [Fact]
    public async Task Sign_in_with_a_bad_credential_is_401_and_sets_no_cookie()
    {
        using var http = Server.Http(null);
        using var response = await http.PostJsonAsync("/api/v1/session", new { credential = "not.a.token" });
        await response.ExpectAsync(401);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }
}

/// <summary>The committee's secretary, the strongest agent there is, against every endpoint the matrix keeps for the operator.</summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Api")]
public sealed class ApiEscalationTests(ApiServerFixture fixture)
{
    [Fact]
    public async Task An_agents_bearer_is_refused_403_on_every_operator_only_endpoint_and_changes_nothing()
    {
        var server = fixture.Server;
        var city = await server.CityAsync();
        using var secretary = server.Http(TestIdentity.Agent(city.Secretary, city.Spec.Name));
        var victim = city.Distributor(1, 1, 3);
        var attempts = new (string What, Func<Task<HttpResponseMessage>> Call)[]
        {
            ("org apply", () => secretary.PostAsync("/api/v1/org/apply", new StringContent(TestCity.Create().Yaml, System.Text.Encoding.UTF8, "application/yaml"))),
            ("arrest", () => secretary.PostJsonAsync("/api/v1/life/arrests", new { agents = new[] { victim } })),
            ("release", () => secretary.PostJsonAsync("/api/v1/life/releases", new { agents = new[] { victim } })),
            ("breaches", () => secretary.GetAsync("/api/v1/breaches")),
            ("audit", () => secretary.GetAsync("/api/v1/audit")),
            ("operator credential", () => secretary.PostJsonAsync("/api/v1/credentials", new { @operator = "mine" })),
            ("statement as another", () => secretary.PostJsonAsync("/api/v1/statements?as=" + victim, new { to = "committee", text = "x", from = victim })),
        };
        foreach (var (what, call) in attempts)
        {
            using var response = await call();
            Assert.True((int)response.StatusCode is 403 or 400, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        // Nothing changed: the victim is free and no organization but the city's own was applied by the secretary.
        var life = (await server.Operator.GetLifeAsync(city.Committee));
        Assert.DoesNotContain(victim, life.Arrested);
    }
}
