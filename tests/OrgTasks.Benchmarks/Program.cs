using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// The hot paths of a mobilization and of a statement, one at a time:
//   dotnet run -c Release --project tests/OrgTasks.Benchmarks -- --filter '*'
// In process (no generated project to build): the silo the grain benchmarks start lives in this process too.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance))
    .WithOptions(ConfigOptions.JoinSummary);
BenchmarkSwitcher.FromAssembly(typeof(OrgTasks.Benchmarks.BenchSilo).Assembly).Run(args, config);
