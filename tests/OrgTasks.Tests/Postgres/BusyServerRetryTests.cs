using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using OrgTasks.Postgres.Hosting;

namespace OrgTasks.Tests.Postgres;

/// <summary>A full server (53300) is waited for in grain storage; any other failure reaches the caller at once.</summary>
[Trait("Category", "Postgres")]
public sealed class BusyServerRetryTests
{
    private static readonly GrainId Grain = GrainId.Create("test", "busy");

    [Fact]
    public async Task Storage_write_refused_for_too_many_clients_waits_and_goes_through()
    {
        var inner = new RefusingStorage(PostgresErrorCodes.TooManyConnections, refusals: 2);
        var storage = new BusyServerRetry(inner, NullLogger<BusyServerRetry>.Instance);

        await storage.WriteStateAsync("state", Grain, new GrainState<int>(7));
        await storage.ReadStateAsync("state", Grain, new GrainState<int>());

        Assert.Equal(4, inner.Calls); // two refused writes, the write, the read
    }

    [Fact]
    public async Task Storage_failure_other_than_a_full_server_reaches_the_caller_at_once()
    {
        var inner = new RefusingStorage(PostgresErrorCodes.UniqueViolation, refusals: 5);
        var storage = new BusyServerRetry(inner, NullLogger<BusyServerRetry>.Instance);

        var error = await Assert.ThrowsAsync<PostgresException>(() => storage.WriteStateAsync("state", Grain, new GrainState<int>(7)));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public void A_full_server_is_recognised_inside_a_wrapping_exception()
    {
        var full = new PostgresException("sorry, too many clients already", "FATAL", "FATAL", PostgresErrorCodes.TooManyConnections);
        Assert.True(BusyServerRetry.IsBusy(new InvalidOperationException("storage failed", full)));
        Assert.False(BusyServerRetry.IsBusy(new InvalidOperationException("storage failed")));
    }

    /// <summary>Throws the given SQL state for its first <c>refusals</c> calls, then succeeds.</summary>
    private sealed class RefusingStorage(string sqlState, int refusals) : IGrainStorage
    {
        public int Calls { get; private set; }

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => CallAsync();

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => CallAsync();

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => CallAsync();

        private Task CallAsync()
        {
            Calls++;
            return Calls <= refusals
                ? Task.FromException(new PostgresException("refused", "FATAL", "FATAL", sqlState))
                : Task.CompletedTask;
        }
    }
}
