using Microsoft.Extensions.Options;
using OrgTasks.Grains;

namespace OrgTasks.Postgres.Journals;

/// <summary>
/// Refuses impossible <see cref="PgJournalOptions"/> when the journals are registered (at the silo's start), one line
/// per option with its allowed range. Why: a read concurrency of 0 would hang every read, a zero command timeout means
/// "wait forever" to Npgsql, and a batch of a million rows would hold one transaction for minutes.
/// </summary>
public sealed class PgJournalOptionsValidator : IValidateOptions<PgJournalOptions>
{
    public ValidateOptionsResult Validate(string? name, PgJournalOptions options)
    {
        var failures = new OptionRanges(nameof(PgJournalOptions), ".");
        failures.Check(nameof(options.MaxBatchRows), options.MaxBatchRows, 1, 100_000);
        failures.Check(nameof(options.QueueCapacity), options.QueueCapacity, 1, 10_000_000);
        failures.Check(nameof(options.MaxReadBatch), options.MaxReadBatch, 1, 100_000);
        // Each reader holds a connection (PgJournalStore.ConnectionsFor), so this bounds the journal's share of the pool.
        failures.Check(nameof(options.ReadConcurrency), options.ReadConcurrency, 1, 256);
        failures.Check(nameof(options.CommandTimeout), options.CommandTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        return failures.Result;
    }

    /// <summary>Throws the failures as one <see cref="OptionsValidationException"/> (the CLI prints one line each).</summary>
    public static void ThrowIfInvalid(PgJournalOptions options)
    {
        var result = new PgJournalOptionsValidator().Validate(null, options);
        if (result.Failed) throw new OptionsValidationException(nameof(PgJournalOptions), typeof(PgJournalOptions), result.Failures);
    }
}
