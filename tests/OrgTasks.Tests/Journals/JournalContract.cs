namespace OrgTasks.Tests.Journals;

/// <summary>
/// The base of the contract tests: each test gets fresh journals and ids of its own, so tests sharing one database never
/// see each other's records. Times are whole milliseconds: PostgreSQL keeps microseconds, .NET ticks are finer.
/// </summary>
public abstract class JournalContract : IAsyncLifetime
{
    protected JournalSet Journals { get; private set; } = null!;

    /// <summary>A prefix no other test uses.</summary>
    protected string Run { get; } = "t" + Guid.NewGuid().ToString("N")[..10] + "-";

    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected abstract JournalSet Open();

    public Task InitializeAsync()
    {
        Journals = Open();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Journals.DisposeAsync();
}
