using OrgTasks.Client.Views;
using OrgTasks.Cli.Hosting;
using OrgTasks.Cli.Life;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks committee show [COMMITTEE]</c>: members with functions, executive, candidates, proposals with votes.</summary>
internal static class CommitteeShowCommand
{
    public static Command Create()
    {
        var committee = new Argument<string?>("COMMITTEE")
        {
            Description = "The committee; may be left out when the cluster holds one organization",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = JsonOption.Create();
        var command = new Command("show", "Show the committee: members with their functions, the executive, candidates, proposals and votes")
        {
            committee, json,
        };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var id = await CommitteeChoice.ResolveAsync(client, result.GetValue(committee));
            var sheet = CommitteeSheet.From(await client.GetUnitConfigAsync(id), await client.GetLifeAsync(id));
            if (result.GetValue(json))
            {
                Json.Write(result.Out(), sheet);
                return ExitCodes.Ok;
            }
            Write(result.Out(), sheet);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(TextWriter output, CommitteeSheet sheet)
    {
        output.WriteLine($"committee {sheet.Committee} of {sheet.Organization}: co-optation by {sheet.Cooptation}, contact {Or(sheet.Contact)}"
            + (sheet.Consented ? "" : "; awaiting the Central Committee's consent (`orgtasks committee consent " + sheet.Committee + "`)"));
        var members = new Table("MEMBER", "FUNCTION", "EXECUTIVE", "STANDING");
        foreach (var seat in sheet.Members)
            members.Add(seat.Agent, Or(seat.Function), seat.Executive ? "yes" : "", seat.Standing.ToString().ToLowerInvariant());
        members.Write(output);
        output.WriteLine($"executive: {sheet.Executive.Count} of at most 5 — {Format.Preview(sheet.Executive)}");
        output.WriteLine($"candidates: {Format.Preview(sheet.Candidates)}");
        if (sheet.Proposals.Count == 0)
        {
            output.WriteLine("proposals: none");
            return;
        }
        output.WriteLine($"proposals: {Format.Count(sheet.Proposals.Count)}");
        var proposals = new Table("ID", "PROPOSED", "YES", "NO", "NEEDED", "VOTERS", "OUTCOME", "VOTES").AlignRight(2, 3, 4, 5);
        foreach (var p in sheet.Proposals)
            proposals.Add(p.Id, ProposalText.What(p), ProposalText.Yes(p).ToString(CultureInfo.InvariantCulture),
                ProposalText.No(p).ToString(CultureInfo.InvariantCulture), p.Needed.ToString(CultureInfo.InvariantCulture),
                p.Voters.ToString(CultureInfo.InvariantCulture), ProposalText.Outcome(p), ProposalText.Votes(p));
        proposals.Write(output);
    }

    private static string Or(string text) => text.Length > 0 ? text : Format.None;
}
