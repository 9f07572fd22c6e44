using Npgsql;
using OrgTasks.JournalBench;
using OrgTasks.Postgres.Journals;

// The PostgreSQL journals' figures: a citywide mobilization's deliveries and statements through seven hops.
//   dotnet run -c Release --project tests/OrgTasks.JournalBench -- "Host=127.0.0.1;Port=5432;Username=postgres" [--statements-only]
var server = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? Environment.GetEnvironmentVariable("ORGTASKS_POSTGRES");
if (string.IsNullOrWhiteSpace(server))
{
    Console.Error.WriteLine("usage: OrgTasks.JournalBench CONNECTION-STRING (or ORGTASKS_POSTGRES) [--statements-only]; a database of its own is created and dropped there");
    return 2;
}

await using var database = await BenchDatabase.CreateAsync(server);
var version = await database.ScalarAsync<string>("SHOW server_version");
var synchronous = await database.ScalarAsync<string>("SHOW synchronous_commit");
Console.WriteLine($"PostgreSQL {version} at {new NpgsqlConnectionStringBuilder(server).Host}, synchronous_commit={synchronous}; " +
                  $"{Environment.ProcessorCount} cores, load average {Machine.Load()}; .NET {Environment.Version}");

// Each part on journals of its own, as a silo would have them.
if (!args.Contains("--statements-only"))
{
    await using var store = new PgJournalStore(database.ConnectionString);
    await DeliveryBench.RunAsync(database, new PgDeliveryJournal(store));
}
await using (var store = new PgJournalStore(database.ConnectionString))
    await StatementBench.RunAsync(database, new PgStatementJournal(store));
Console.WriteLine($"load average at the end: {Machine.Load()}");
return 0;
