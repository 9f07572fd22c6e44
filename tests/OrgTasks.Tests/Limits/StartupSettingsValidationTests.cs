using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;
using OrgTasks.Postgres.Journals;
using OrgTasks.Silo.Hosting;

namespace OrgTasks.Tests.Limits;

/// <summary>
/// The settings made in code are checked at start-up as <c>OrgTasksOptions</c> are: the journals' options and the
/// silo's response timeout, one line each naming the setting and the allowed range.
/// </summary>
[Trait("Category", "Limits")]
public sealed class StartupSettingsValidationTests
{
    [Fact]
    public void The_journal_and_silo_defaults_are_valid()
    {
        Assert.True(new PgJournalOptionsValidator().Validate(null, new PgJournalOptions()).Succeeded);
        Assert.True(new SiloSettingsValidator().Validate(null, new SiloSettings()).Succeeded);
    }

    [Fact]
    public void Journals_with_impossible_options_are_refused_when_registered_naming_each_and_registering_nothing()
    {
        var services = new ServiceCollection();
        var refused = Assert.Throws<OptionsValidationException>(() => services.AddOrgTasksPostgresJournals(
            "Host=127.0.0.1;Database=unused", o => { o.ReadConcurrency = 0; o.CommandTimeout = TimeSpan.Zero; }));

        Assert.Equal(
            [
                "PgJournalOptions.ReadConcurrency=0 is out of range: allowed 1 to 256",
                "PgJournalOptions.CommandTimeout=00:00:00 is out of range: allowed 00:00:01 to 01:00:00",
            ],
            refused.Failures);
        Assert.Empty(services);
    }

    [Fact]
    public async Task A_silo_with_a_zero_response_timeout_refuses_to_start_naming_it()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.UseOrgTasks(new SiloSettings { Storage = StorageKind.Memory, ResponseTimeout = TimeSpan.Zero }));
        var cluster = builder.Build();
        try
        {
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => cluster.DeployAsync());
            var invalid = Assert.IsType<OptionsValidationException>(Unwrap(refused));
            Assert.Equal(["SiloSettings.ResponseTimeout=00:00:00 is out of range: allowed 00:00:01 to 01:00:00"], invalid.Failures);
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    private static Exception Unwrap(Exception error) =>
        error is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : error;
}
