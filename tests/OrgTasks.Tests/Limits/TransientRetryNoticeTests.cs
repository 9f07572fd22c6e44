using OrgTasks.Client.Connection;
using OrgTasks.Errors;

namespace OrgTasks.Tests.Limits;

/// <summary>
/// The client library tells its caller of each transient failure it is about to retry (the CLI turns a storage
/// failure into the progress line <c>orgtasks: storage unavailable: …; retrying</c>), and never of the one it throws.
/// </summary>
[Trait("Category", "Limits")]
public sealed class TransientRetryNoticeTests
{
    private static StorageUnavailableException Refused() =>
        new(StorageFailureKind.ConnectionRefused, "53300", "PostgreSQL refused a connection (53300 too many clients)");

    [Fact]
    public async Task Each_retried_storage_failure_is_reported_before_the_call_succeeds()
    {
        var attempts = 0;
        var told = new List<Exception>();
        var answer = await Transient.RetryAsync(() => ++attempts < 3 ? throw Refused() : Task.FromResult(42),
            budget: TimeSpan.FromSeconds(30), attemptLimit: null, CancellationToken.None, told.Add);

        Assert.Equal(42, answer);
        Assert.Equal(3, attempts);
        Assert.Equal(2, told.Count);
        Assert.All(told, e => Assert.Equal("storage unavailable: PostgreSQL refused a connection (53300 too many clients)", e.Message));
    }

    [Fact]
    public async Task A_refusal_is_thrown_at_once_and_not_reported_as_retried()
    {
        var told = new List<Exception>();
        var rejected = new StorageUnavailableException(StorageFailureKind.Rejected, "22001", "value too long");
        var thrown = await Assert.ThrowsAsync<StorageUnavailableException>(() => Transient.RetryAsync<int>(() => throw rejected,
            budget: TimeSpan.FromSeconds(30), attemptLimit: null, CancellationToken.None, told.Add));

        Assert.Same(rejected, thrown);
        Assert.Empty(told);
    }
}
