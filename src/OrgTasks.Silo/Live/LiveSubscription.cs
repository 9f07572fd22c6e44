using System.Threading.Channels;

namespace OrgTasks.Silo.Live;

/// <summary>One subscriber's events from a live feed (an SSE connection). Disposing it leaves the feed.</summary>
public sealed class LiveSubscription<TEvent>(ChannelReader<TEvent> events, Action leave) : IDisposable
{
    private int _left;

    public ChannelReader<TEvent> Events { get; } = events;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _left, 1) == 0) leave();
    }
}
