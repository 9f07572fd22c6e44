using System.Net.ServerSentEvents;
using System.Text.Json;
using OrgTasks.Silo.Live;
using OrgTasks.Statements;
using OrgTasks.Tests.Api;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Live;

/// <summary>
/// Server-sent events over real HTTP from the real server host: a leaflet's coverage during a mobilization, a unit's
/// inbox, notices; one watch per grain however many follow it; the matrix decides who may follow.
/// </summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Live")]
public sealed class LiveEventsTests(ApiServerFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task Leaflet_events_show_the_coverage_growing_to_complete_during_a_mobilization()
    {
        var city = MobilizationCity.Create(districts: 3, groups: 2, agents: 3, homesPerAgent: 50);
        await Server.Operator.ApplyAsync(city.Spec);
        // One group cut off (all its members arrested) holds the leaflet: the picture stops short until they are free.
        var held = city.Members(2, 1, agents: 3);
        await Server.Operator.ArrestAllAsync(held);
        var id = await Server.Operator.IssueLeafletAsync(city.Committee, "Mobilization", "Everyone out at dawn");

        using var http = Server.Http(TestIdentity.Operator);
        using var events = await OpenAsync(http, $"/api/v1/leaflets/{id}/events");
        var seen = new List<(string Type, JsonElement Data)>();
        var released = false;
        await foreach (var item in events.Items)
        {
            seen.Add(item);
            // Released once everything but the held group is done and the picture says why it is missing.
            if (!released && item.Type == "coverage"
                && item.Data.GetProperty("stragglers").EnumerateArray().Any(s => s.TryGetProperty("reason", out var r) && r.GetString() is not null)
                && item.Data.GetProperty("unitsComplete").GetInt32() == item.Data.GetProperty("unitsTotal").GetInt32() - 1)
            {
                await Server.Operator.ReleaseAllAsync(held);
                released = true;
            }
            if (item.Type == "complete") break;
        }
        Assert.True(released, "the held group was never seen held");

        Assert.Equal("coverage", seen[0].Type);
        var reached = seen.Select(s => s.Data.GetProperty("homesReached").GetInt64()).ToList();
        Assert.True(reached[0] < city.Homes, $"the first picture already had every home: {reached[0]}");
        Assert.Equal(reached.Order(), reached);
        Assert.Equal("complete", seen[^1].Type);
        Assert.Equal((city.Homes, city.Homes, true), (seen[^1].Data.GetProperty("homesTotal").GetInt64(), reached[^1], seen[^1].Data.GetProperty("complete").GetBoolean()));
        Assert.Equal(3, seen[^1].Data.GetProperty("districts").GetArrayLength());
    }

    [Fact]
    public async Task Two_followers_of_a_leaflet_make_one_watch_of_its_tracker_which_ends_when_both_leave()
    {
        var city = await Server.CityAsync(districts: 1);
        var id = await Server.Operator.IssueLeafletAsync(city.Committee, "Twice", "followed by two");
        // Asked per leaflet, not by the count of watches: the server is shared, and a stream of an earlier test may
        // still be ending.
        var feed = Server.Service<LeafletFeed>();

        using var first = Server.Http(TestIdentity.Operator);
        using var second = Server.Http(TestIdentity.Agent(city.Secretary, city.Spec.Name));
        var a = await OpenAsync(first, $"/api/v1/leaflets/{id}/events");
        var b = await OpenAsync(second, $"/api/v1/leaflets/{id}/events");
        // Each got the picture first; the leaflet is tiny, so it may already be complete, and a complete stream ends.
        Assert.Equal(id, (await a.FirstAsync()).Data.GetProperty("leafletId").GetString());
        Assert.Equal(id, (await b.FirstAsync()).Data.GetProperty("leafletId").GetString());
        a.Dispose();
        b.Dispose();
        await Poll.UntilAsync(() => Task.FromResult(feed.IsWatching(id)), watching => !watching, what: "the watch to end after both left");

        // Now with a leaflet that stays open (a group cut off): both followers are on, one watch serves them.
        var held = new[] { city.Distributor(1, 1, 1), city.Distributor(1, 1, 2), city.Distributor(1, 1, 3) };
        await Server.Operator.ArrestAllAsync(held);
        var open = await Server.Operator.IssueLeafletAsync(city.Committee, "Held", "stays open");
        var c = await OpenAsync(first, $"/api/v1/leaflets/{open}/events");
        var d = await OpenAsync(second, $"/api/v1/leaflets/{open}/events");
        Assert.Equal("coverage", (await c.FirstAsync()).Type);
        Assert.Equal("coverage", (await d.FirstAsync()).Type);
        Assert.True(feed.IsWatching(open));
        Assert.Equal(1, WatchCounter.Watchers(open));
        c.Dispose();
        await Poll.UntilAsync(() => Task.FromResult(feed.IsWatching(open)), watching => watching, what: "one follower left, the watch stays");
        d.Dispose();
        await Poll.UntilAsync(() => Task.FromResult(feed.IsWatching(open)), watching => !watching, what: "the last follower left, the watch ends");
        await Poll.UntilAsync(() => Task.FromResult(WatchCounter.Unwatched(open)), n => n == 1, what: "the tracker told the watch ended");
        await Server.Operator.ReleaseAllAsync(held);
    }

    [Fact]
    public async Task A_caller_without_the_right_to_see_a_leaflet_or_an_inbox_gets_403_and_no_stream()
    {
        var city = await Server.CityAsync(districts: 1);
        var id = await Server.Operator.IssueLeafletAsync(city.Committee, "Officers only", "not for distributors");
        using var http = Server.Http(TestIdentity.Agent(city.Distributor(1, 1, 3), city.Spec.Name));

        using var leaflet = await http.GetAsync($"/api/v1/leaflets/{id}/events", HttpCompletionOption.ResponseHeadersRead);
        await leaflet.ExpectAsync(403);
        Assert.Contains("officers", (await leaflet.JsonAsync()).GetProperty("detail").GetString());
        // Its own group's inbox is for the group's officers; the committee's board it may not even learn exists.
        using var inbox = await http.GetAsync($"/api/v1/units/{ApiResponses.Segment(city.Group(1, 1))}/inbox/events", HttpCompletionOption.ResponseHeadersRead);
        await inbox.ExpectAsync(403);
        Assert.Equal("application/problem+json", inbox.Content.Headers.ContentType?.MediaType);
        using var notices = await http.GetAsync($"/api/v1/notices/events?unit={ApiResponses.Segment(city.Committee)}", HttpCompletionOption.ResponseHeadersRead);
        await notices.ExpectAsync(404);
    }

    [Fact]
    public async Task Inbox_events_bring_each_statement_as_it_arrives_at_the_committee()
    {
        var city = await Server.CityAsync(districts: 1);
        using var http = Server.Http(TestIdentity.Agent(city.Secretary, city.Spec.Name));
        using var events = await OpenAsync(http, $"/api/v1/units/{ApiResponses.Segment(city.Committee)}/inbox/events");
        Assert.Equal("inbox", (await events.FirstAsync()).Type);

        var id = await Server.Operator.SendStatementAsync(city.Distributor(1, 2, 3), Addressee.Committee, "the press is ready");
        var (type, data) = await events.FirstAsync();
        Assert.Equal(("statement", id, city.District(1)), (type, data.GetProperty("statement").GetProperty("id").GetString(), data.GetProperty("from").GetString()));
    }

    [Fact]
    public async Task Notice_events_bring_a_warning_pinned_on_the_unit()
    {
        var city = await Server.CityAsync(districts: 1);
        using var http = Server.Http(TestIdentity.Operator);
        using var events = await OpenAsync(http, $"/api/v1/notices/events?unit={ApiResponses.Segment(city.Group(1, 1))}");
        Assert.Equal("notices", (await events.FirstAsync()).Type);

        await Server.Operator.WarnAsync(city.Distributor(1, 1, 3), "seen with the gendarmes");
        var (type, data) = await events.FirstAsync();
        Assert.Equal("notice", type);
        Assert.Equal(city.Distributor(1, 1, 3), data.GetProperty("about").GetString());
    }

    private static async Task<EventStream> OpenAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        await response.ExpectAsync(200);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new EventStream(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>A test's reading of one event stream; every read is bounded.</summary>
    private sealed class EventStream(HttpResponseMessage response, Stream body) : IDisposable
    {
        private readonly CancellationTokenSource _limit = new(TimeSpan.FromSeconds(60));
        private IAsyncEnumerator<(string, JsonElement)>? _reader;

        public IAsyncEnumerable<(string Type, JsonElement Data)> Items => Parse();

        private async IAsyncEnumerable<(string, JsonElement)> Parse()
        {
            await foreach (var item in SseParser.Create(body).EnumerateAsync(_limit.Token))
                yield return (item.EventType, JsonDocument.Parse(item.Data).RootElement.Clone());
        }

        public async Task<(string Type, JsonElement Data)> FirstAsync()
        {
            _reader ??= Parse().GetAsyncEnumerator(_limit.Token);
            Assert.True(await _reader.MoveNextAsync(), "the stream ended");
            return _reader.Current;
        }

        public void Dispose()
        {
            _limit.Cancel();
            body.Dispose();
            response.Dispose();
        }
    }
}
