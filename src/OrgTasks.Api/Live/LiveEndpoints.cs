using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using OrgTasks.Api.Auth;
using OrgTasks.Api.Requests;
using OrgTasks.Silo.Live;

namespace OrgTasks.Api.Live;

/// <summary>
/// Live updates as server-sent events. Each endpoint first reads what it streams with the caller's credential (the
/// grain's own read method, so the need-to-know matrix decides: 401/403 with the reason, as for the plain read), sends
/// that as the first event, then joins this silo's feed, which watches the grain once for all its subscribers.
/// - <c>GET /leaflets/{id}/events</c>: <c>coverage</c> events (the leaflet's picture), then <c>complete</c> (or <c>closed</c>) and the end.
/// - <c>GET /units/{id}/inbox/events</c>: <c>inbox</c> (the newest entries), then <c>statement</c> per arrival.
/// - <c>GET /notices/events?unit=</c>: <c>notices</c> (the newest), then <c>notice</c> per notice pinned, re-read with the
///   caller's credential so the unit's own rules (a suspect never reads the warning about itself) still decide.
/// A stream does not outlive the caller's right: before an event goes out, the read is made again with the caller's
/// credential if the last check is older than <see cref="WatchTimings.Renew"/> (so an arrested agent's or a revoked
/// credential's stream ends at its next event), never more often.
/// </summary>
public static class LiveEndpoints
{
    private const int FirstEntries = 50;

    public static IServiceCollection AddLiveUpdates(this IServiceCollection services) => services.AddOrgTasksLiveFeeds();

    public static void MapLiveUpdates(this RouteGroupBuilder api)
    {
        api.MapGet("/leaflets/{id}/events", async Task<IResult> (string id, HttpContext context, RequestChecks checks, LeafletFeed feed) =>
        {
            checks.Id("id", id);
            if (checks.Result() is { } refused) return refused;
            var client = context.OrgTasks();
            await client.GetLeafletStatusAsync(id); // the matrix decides, before anything streams
            var subscription = await feed.SubscribeAsync(id);
            var right = new StillAllowed(() => client.GetLeafletStatusAsync(id));
            return TypedResults.ServerSentEvents(Coverage(subscription, right, context.RequestAborted));
        }).WithTags("Live").WithName("leaflet events")
          .WithSummary("A leaflet's coverage as it changes (server-sent events: coverage…, then complete or closed)");

        api.MapGet("/units/{id}/inbox/events", async Task<IResult> (string id, HttpContext context, RequestChecks checks, UnitFeed feed) =>
        {
            id = Uri.UnescapeDataString(id); // a unit id's slashes arrive escaped (%2F), which routing leaves as they are
            checks.Id("id", id);
            if (checks.Result() is { } refused) return refused;
            var client = context.OrgTasks();
            var newest = await client.GetInboxAsync(id, FirstEntries);
            var subscription = await feed.SubscribeAsync(id);
            var right = new StillAllowed(() => client.GetInboxAsync(id, 1));
            return TypedResults.ServerSentEvents(Inbox(newest, subscription, right, context.RequestAborted));
        }).WithTags("Live").WithName("inbox events")
          .WithSummary("Statements arriving in a unit's inbox (server-sent events: inbox, then statement per arrival)");

        api.MapGet("/notices/events", async Task<IResult> (string? unit, HttpContext context, RequestChecks checks, UnitFeed feed) =>
        {
            checks.Id("unit", unit);
            if (checks.Result() is { } refused) return refused;
            var client = context.OrgTasks();
            var newest = await client.GetNoticesAsync(unit!, limit: FirstEntries);
            var subscription = await feed.SubscribeAsync(unit!);
            return TypedResults.ServerSentEvents(Notices(newest, subscription, () => client.GetNoticesAsync(unit!, limit: FirstEntries), context.RequestAborted));
        }).WithTags("Live").WithName("notice events")
          .WithSummary("Notices pinned on a unit's board (server-sent events: notices, then notice per notice)");
    }

    private static async IAsyncEnumerable<SseItem<LeafletStatus>> Coverage(LiveSubscription<LeafletStatus> subscription,
        StillAllowed right, [EnumeratorCancellation] CancellationToken cancellation)
    {
        using (subscription)
        {
            await foreach (var status in subscription.Events.ReadAllAsync(cancellation))
            {
                if (!await right.CheckAsync()) yield break;
                var finished = status.Complete ? "complete" : status.Closed is not null ? "closed" : null;
                yield return new SseItem<LeafletStatus>(status, finished ?? "coverage");
                if (finished is not null) yield break;
            }
        }
    }

    private static async IAsyncEnumerable<SseItem<object>> Inbox(IReadOnlyList<InboxEntry> newest, LiveSubscription<UnitEvent> subscription,
        StillAllowed right, [EnumeratorCancellation] CancellationToken cancellation)
    {
        using (subscription)
        {
            yield return new SseItem<object>(newest, "inbox");
            var seen = newest.Select(e => e.Statement.Id).ToHashSet(StringComparer.Ordinal);
            await foreach (var change in subscription.Events.ReadAllAsync(cancellation))
            {
                if (change.Arrived.Count == 0) continue;
                if (!await right.CheckAsync()) yield break;
                // An arrival that the first read already held is not told twice.
                foreach (var entry in change.Arrived)
                    if (seen.Add(entry.Statement.Id)) yield return new SseItem<object>(entry, "statement");
            }
        }
    }

    private static async IAsyncEnumerable<SseItem<object>> Notices(IReadOnlyList<Notice> newest, LiveSubscription<UnitEvent> subscription,
        Func<Task<IReadOnlyList<Notice>>> reread, [EnumeratorCancellation] CancellationToken cancellation)
    {
        using (subscription)
        {
            yield return new SseItem<object>(newest, "notices");
            var seen = newest.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
            await foreach (var change in subscription.Events.ReadAllAsync(cancellation))
            {
                if (change.Notice is null) continue;
                // Read again as the caller: a notice it may not read stays unsaid, and a caller who lost the right ends here.
                IReadOnlyList<Notice> current;
                try
                {
                    current = await reread();
                }
                catch (AccessDeniedException)
                {
                    yield break;
                }
                foreach (var notice in current.Reverse())
                    if (seen.Add(notice.Id)) yield return new SseItem<object>(notice, "notice");
            }
        }
    }
}
