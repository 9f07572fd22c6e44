namespace OrgTasks.Tests.Infrastructure;

/// <summary>Bounded, polled waits: never a fixed sleep.</summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"timed out waiting for {what ?? "condition"}; last value: {value}");
            await Task.Delay(20);
        }
    }
}
