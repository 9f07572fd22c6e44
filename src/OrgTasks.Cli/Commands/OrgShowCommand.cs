using OrgTasks.Cli.Hosting;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks org show [UNIT]</c>: the applied tree, indented by depth.</summary>
internal static class OrgShowCommand
{
    public static Command Create()
    {
        var unit = new Argument<string?>("UNIT")
        {
            Description = "Show the subtree under this unit (default: every organization in the cluster)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var depth = new Option<int?>("--depth") { Description = "Show only this many levels below the top", HelpName = "N" };
        var json = JsonOption.Create();
        var command = new Command("show", "Show the applied organization: units by depth with kind, contact, members and homes")
        {
            unit, depth, json,
        };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var maxDepth = result.GetValue(depth) ?? int.MaxValue;
            if (maxDepth < 0) throw new CliException("--depth: must be 0 or more");
            var trees = await LoadAsync(client, result.GetValue(unit));
            if (result.GetValue(json))
            {
                Json.Write(result.Out(), trees.SelectMany(t => t.Units).Where(u => u.Depth <= maxDepth).ToList());
                return ExitCodes.Ok;
            }
            if (trees.Count == 0) result.Out().WriteLine("no organization has been applied to this cluster yet (see `orgtasks org apply`)");
            foreach (var tree in trees) OrgTreeText.Write(result.Out(), tree.Heading, tree.Units, maxDepth);
            return ExitCodes.Ok;
        });
        return command;
    }

    private sealed record Tree(string Heading, IReadOnlyList<UnitSummary> Units);

    private static async Task<IReadOnlyList<Tree>> LoadAsync(OrgTasksClient client, string? unit)
    {
        if (!string.IsNullOrWhiteSpace(unit))
        {
            var location = await client.FindUnitAsync(unit);
            return [new Tree($"organization {location.Organization}: the subtree of {unit}", await client.DescribeAsync(unit))];
        }
        var trees = new List<Tree>();
        foreach (var (organization, committee) in await client.ListOrganizationsAsync())
            trees.Add(new Tree($"organization {organization} (committee {committee})", await client.DescribeAsync(committee)));
        return trees;
    }
}
