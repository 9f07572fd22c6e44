using OrgTasks.Cli.Hosting;
using OrgTasks.Cli.Life;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks group show UNIT [--as AGENT]</c>: a unit's composition and activity, as far as the reader may see.</summary>
internal static class GroupShowCommand
{
    public static Command Create()
    {
        var unit = new Argument<string>("UNIT") { Description = "The group (or committee) to show" };
        var reader = AsOption.Create();
        var json = JsonOption.Create();
        var command = new Command("show",
            "Show a group's composition and activity; with --as, only what that member or delegate may see under the group's degree of secrecy")
        {
            unit, reader, json,
        };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var view = await client.GetCompositionAsync(result.GetRequiredValue(unit), result.Reader(reader));
            if (result.GetValue(json))
            {
                Json.Write(result.Out(), view);
                return ExitCodes.Ok;
            }
            Write(result.Out(), view);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(TextWriter output, GroupView view)
    {
        // An unaware group's view names neither the organization nor the unit above: print only what is there.
        var where = view.Organization.Length > 0 ? $" of {view.Organization}" + (view.Parent.Length > 0 ? $", under {view.Parent}" : "") : "";
        output.WriteLine($"{view.Unit}: {view.Kind}{where}; secrecy {view.Secrecy}, affiliation {view.Affiliation}"
            + (view.CutOff ? "; CUT OFF: nobody left to take over" : ""));
        output.WriteLine($"  contact: {(view.Contact.Length > 0 ? view.Contact : Format.None)}");
        var hidden = view.MemberCount - view.Members.Count;
        output.WriteLine($"  members: {Format.Count(view.MemberCount)}"
            + (hidden > 0 ? $", {Format.Count(view.Members.Count)} shown to this reader" : "") + $" — {Format.Preview(view.Members)}");
        if (view.Routes.Count > 0)
            output.WriteLine("  routes: " + string.Join(", ", view.Routes.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {Format.Count(r.Value)}")));
        output.WriteLine($"  homes: {Format.Count(view.Homes)}; statements held: {Format.Count(view.StatementsHeld)}; leaflets open: {Format.Count(view.LeafletsOpen)}");
    }
}
