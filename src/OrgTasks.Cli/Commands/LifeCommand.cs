using OrgTasks.Cli.Hosting;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks life [UNIT]</c>: who is out of action, which groups are cut off, delegates, the centre's key.</summary>
internal static class LifeCommand
{
    public static Command Create()
    {
        var unit = new Argument<string?>("UNIT")
        {
            Description = "Any unit of the organization to show; every organization of the cluster when left out",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = JsonOption.Create();
        var command = new Command("life",
            "Show the organization's life: arrested and suspended agents, groups cut off or re-established, delegates, consent, the centre's key, proposals")
        {
            unit, json,
        };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var named = result.GetValue(unit);
            var views = new List<LifeView>();
            if (!string.IsNullOrWhiteSpace(named))
            {
                views.Add(await client.GetLifeAsync(named));
            }
            else
            {
                foreach (var committee in (await client.ListOrganizationsAsync()).OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Value))
                    views.Add(await client.GetLifeAsync(committee));
            }
            if (result.GetValue(json))
            {
                // One object for a named unit, a list for the whole cluster.
                if (named is { Length: > 0 }) Json.Write(result.Out(), views[0]);
                else Json.Write(result.Out(), views);
                return ExitCodes.Ok;
            }
            if (views.Count == 0) result.Out().WriteLine("no organization has been applied to this cluster");
            foreach (var view in views) Write(result.Out(), view);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(TextWriter output, LifeView view)
    {
        output.WriteLine($"{view.Organization}:");
        output.WriteLine($"  arrested: {Format.Preview(view.Arrested)}");
        output.WriteLine($"  suspended under a warning: {Format.Preview(view.Suspended)}");
        output.WriteLine($"  cut off: {Format.Preview(view.CutOff)}");
        output.WriteLine($"  re-established: {Format.Preview(view.Reestablished)}");
        output.WriteLine("  delegates: " + (view.Delegates.Count == 0 ? Format.None
            : string.Join("; ", view.Delegates.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key} ← {string.Join(", ", d.Value)}"))));
        output.WriteLine($"  consent of the Central Committee: {(view.Consented ? "given" : "awaited")}");
        output.WriteLine($"  centre's key: {(view.CentreKey.Length > 0 ? view.CentreKey : "none installed")}");
        var open = view.Proposals.Count(p => p.Outcome == ProposalOutcome.Open);
        output.WriteLine($"  proposals: {Format.Count(view.Proposals.Count)} ({Format.Count(open)} open)");
    }
}
