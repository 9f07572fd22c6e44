using System.Threading.Channels;
using OrgTasks.Grains;
using OrgTasks.Identity;

namespace OrgTasks.Silo.Live;

/// <summary>
/// One silo's live feed of one kind of grain: however many subscribers (SSE connections) follow a grain on this silo,
/// the feed watches that grain once, with one observer, and fans each event out to every subscriber's channel. The
/// first subscriber starts the watch, a timer renews it every <see cref="WatchTimings.Renew"/> (grains keep watchers
/// in memory only and drop those not renewed), and the last subscriber to leave ends it.
/// Deciding whether a caller may follow a grain is not the feed's job: the HTTP endpoint asks the grain's own read
/// method with the caller's credential first. The feed itself acts as the system, which only silo code can.
/// </summary>
public abstract class LiveFeed<TWatcher, TEvent>(IGrainFactory grains, ILogger logger) : IDisposable
    where TWatcher : IGrainObserver
    where TEvent : class
{
    /// <summary>Events a slow subscriber may fall behind by before the oldest are dropped (of pictures, only the latest is kept).</summary>
    private const int SubscriberBuffer = 1_000;

    private static readonly Actor Feed = Actor.System("live-feed");
    private readonly Dictionary<string, Topic> _topics = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    protected IGrainFactory Grains => grains;

    /// <summary>Grains watched now by this silo's feed (one per followed grain, whatever the number of subscribers).</summary>
    public int Watched
    {
        get { lock (_gate) return _topics.Count; }
    }

    /// <summary>Whether this silo's feed watches <paramref name="key"/> now.</summary>
    public bool IsWatching(string key)
    {
        lock (_gate) return _topics.ContainsKey(key);
    }

    /// <summary>Joins the feed of <paramref name="key"/>, starting the watch if this is its first subscriber.</summary>
    public async Task<LiveSubscription<TEvent>> SubscribeAsync(string key)
    {
        var channel = Channel.CreateBounded<TEvent>(new BoundedChannelOptions(KeepsLatestOnly ? 1 : SubscriberBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        Topic topic;
        lock (_gate)
        {
            if (!_topics.TryGetValue(key, out topic!))
            {
                topic = new Topic(this, key);
                _topics[key] = topic;
                topic.Started = topic.StartAsync();
            }
            topic.Subscribers.Add(channel);
        }
        var subscription = new LiveSubscription<TEvent>(channel.Reader, () => Leave(topic, channel));
        try
        {
            await topic.Started;
        }
        catch
        {
            subscription.Dispose();
            throw;
        }
        lock (_gate)
        {
            if (topic.Latest is { } latest) channel.Writer.TryWrite(latest);
        }
        return subscription;
    }

    /// <summary>Whether only the latest event matters (a picture) and is handed to each new subscriber first.</summary>
    protected abstract bool KeepsLatestOnly { get; }

    /// <summary>The observer object that feeds <paramref name="publish"/>.</summary>
    protected abstract TWatcher NewWatcher(Action<TEvent> publish);

    /// <summary>Watches (or renews the watch of) <paramref name="key"/>; returns the current picture, if the grain has one.</summary>
    protected abstract Task<TEvent?> WatchAsync(string key, TWatcher watcher);

    protected abstract Task UnwatchAsync(string key, TWatcher watcher);

    /// <summary>Whether <paramref name="next"/> replaces <paramref name="latest"/> (one-way pushes may cross a renewal's answer).</summary>
    protected virtual bool Supersedes(TEvent next, TEvent latest) => true;

    private void Leave(Topic topic, Channel<TEvent> channel)
    {
        bool last;
        lock (_gate)
        {
            topic.Subscribers.Remove(channel);
            last = topic.Subscribers.Count == 0 && _topics.TryGetValue(topic.Key, out var current) && current == topic;
            if (last) _topics.Remove(topic.Key);
        }
        channel.Writer.TryComplete();
        if (last) topic.Stop();
    }

    public void Dispose()
    {
        List<Topic> topics;
        lock (_gate)
        {
            topics = _topics.Values.ToList();
            _topics.Clear();
        }
        foreach (var topic in topics) topic.Stop();
        GC.SuppressFinalize(this);
    }

    /// <summary>One watched grain on this silo: its observer, its subscribers and, for a picture, the latest one.</summary>
    private sealed class Topic(LiveFeed<TWatcher, TEvent> feed, string key)
    {
        private readonly CancellationTokenSource _stop = new();
        private TWatcher? _reference;
        private TWatcher? _watcher;

        public string Key { get; } = key;
        public List<Channel<TEvent>> Subscribers { get; } = [];
        public TEvent? Latest { get; private set; }
        public Task Started { get; set; } = Task.CompletedTask;

        public async Task StartAsync()
        {
            _watcher = feed.NewWatcher(Publish);
            _reference = feed.Grains.CreateObjectReference<TWatcher>(_watcher);
            try
            {
                await WatchOnceAsync();
            }
            catch
            {
                lock (feed._gate)
                {
                    if (feed._topics.TryGetValue(Key, out var current) && current == this) feed._topics.Remove(Key);
                }
                feed.Grains.DeleteObjectReference<TWatcher>(_reference);
                _reference = default;
                throw;
            }
            // The renewals belong to the feed, not to the request that happened to start the watch (its trace, its context).
            using (ExecutionContext.SuppressFlow()) _ = Task.Run(RenewAsync);
        }

        private async Task WatchOnceAsync()
        {
            TEvent? picture;
            // As the system, never as the HTTP request that happened to start the watch: its credential stays behind.
            Orleans.Runtime.RequestContext.Remove(ActorContext.CredentialKey);
            Orleans.Runtime.RequestContext.Remove(ActorContext.ActAsKey);
            using (ActorContext.Use(Feed)) picture = await feed.WatchAsync(Key, _reference!);
            if (picture is not null) Publish(picture);
        }

        private async Task RenewAsync()
        {
            using var timer = new PeriodicTimer(WatchTimings.Renew);
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    try
                    {
                        await WatchOnceAsync();
                    }
                    catch (Exception error) when (error is not OperationCanceledException)
                    {
                        Log.RenewFailed(feed.Logger, error, Key);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // the last subscriber left
            }
        }

        private void Publish(TEvent next)
        {
            lock (feed._gate)
            {
                if (feed.KeepsLatestOnly)
                {
                    if (Latest is not null && !feed.Supersedes(next, Latest)) return;
                    Latest = next;
                }
                foreach (var subscriber in Subscribers) subscriber.Writer.TryWrite(next);
            }
        }

        public void Stop()
        {
            _stop.Cancel();
            if (_reference is not { } reference) return;
            _ = UnwatchAsync(reference);
        }

        private async Task UnwatchAsync(TWatcher reference)
        {
            try
            {
                await Started;
                Orleans.Runtime.RequestContext.Remove(ActorContext.CredentialKey);
                Orleans.Runtime.RequestContext.Remove(ActorContext.ActAsKey);
                using (ActorContext.Use(Feed)) await feed.UnwatchAsync(Key, reference);
            }
            catch (Exception error)
            {
                // The watcher expires on its own when it is no longer renewed.
                Log.UnwatchFailed(feed.Logger, error, Key);
            }
            finally
            {
                feed.Grains.DeleteObjectReference<TWatcher>(reference);
            }
        }
    }

    private ILogger Logger => logger;
}
