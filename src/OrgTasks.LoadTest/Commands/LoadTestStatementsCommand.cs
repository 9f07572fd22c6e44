using OrgTasks.LoadTest;
using OrgTasks.Cli.Parsing;

namespace OrgTasks.LoadTest.Commands;

/// <summary><c>orgtasks loadtest statements</c>: many agents writing to the committee at once; nothing may be lost or doubled.</summary>
internal static class LoadTestStatementsCommand
{
    public static Command Create()
    {
        var options = new LoadTestOptions();
        var agents = new Option<int>("--agents") { Description = "How many agents write (members of groups, spread over the city)", HelpName = "N", DefaultValueFactory = _ => 1_000 };
        var rate = new Option<double?>("--rate") { Description = "Start this many statements per second, whatever the answers do", HelpName = "R" };
        var max = new Option<bool>("--max") { Description = "As fast as the system answers, with --in-flight statements waiting at any time (the default)" };
        var inFlight = new Option<int>("--in-flight") { Description = "With --max: statements sent and not yet acknowledged at any time", HelpName = "N", DefaultValueFactory = _ => 256 };
        var duration = Durations.Option("--duration", "How long to keep sending (default 10s)");
        var drain = Durations.Option("--drain", "How long to wait after the last send for everything to arrive (default 60s)");
        var warmup = Durations.Option("--warmup",
            "Send the same load this long first, outside the figures; its statements must still arrive exactly once (default 0s)");
        var command = new Command("statements",
            "Many agents send statements to the committee at once: throughput, time to the inbox (p50/p99/max), and any lost or doubled (both must be 0)")
        {
            agents, rate, max, inFlight, duration, drain, warmup,
        };
        options.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            // Checked here, where defaults are applied (a command validator sees 0 for an option not given).
            if (result.GetValue(rate) is not null && result.GetValue(max)) throw new CliException("give --rate R or --max, not both");
            if (result.GetValue(rate) is { } r && !(r > 0 && r <= 1_000_000)) throw new CliException("--rate: give a number of statements per second above 0 (at most 1,000,000)");
            if (result.GetValue(agents) < 1) throw new CliException("--agents: give at least 1");
            if (result.GetValue(inFlight) is < 1 or > 100_000) throw new CliException("--in-flight: give 1 to 100,000");
            var progress = result.Err();
            var jsonPath = options.JsonPath(result);
            var load = new StatementLoad(result.GetValue(agents), result.GetValue(rate), result.GetValue(inFlight),
                result.GetValue(duration) ?? TimeSpan.FromSeconds(10), result.GetValue(drain) ?? TimeSpan.FromSeconds(60),
                result.GetValue(warmup) ?? TimeSpan.Zero);
            var (spec, _, _) = options.LoadCity(result, progress);
            await using var target = await options.OpenTargetAsync(result, progress, cancellation);
            await LoadTestApply.ApplyAsync(target.Client, spec, progress, result.ErrIsTerminal(), cancellation);

            var outcome = await new StatementsRun(progress, result.ErrIsTerminal()).RunAsync(target, spec, load, cancellation);
            StatementsReport.Write(result.Out(), outcome, target.Description);
            if (jsonPath is not null)
            {
                var json = StatementsReport.Json(outcome);
                json["target"] = target.Description;
                json["organization"] = spec.Name;
                ResultFile.Write(jsonPath, RunContext.CommandLine(Environment.GetCommandLineArgs().Skip(1)), json);
            }
            if (!outcome.Correct)
                throw new CliException($"{Format.Count(outcome.Lost)} statements lost and {Format.Count(outcome.Doubled)} doubled; both must be 0");
            return ExitCodes.Ok;
        });
        return command;
    }
}
