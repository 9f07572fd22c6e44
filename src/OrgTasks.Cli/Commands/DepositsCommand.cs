using OrgTasks.Client.Views;
using OrgTasks.Cli.Deposits;
using OrgTasks.Cli.Hosting;

namespace OrgTasks.Cli.Commands;

/// <summary>
/// <c>orgtasks deposits GROUP [--open --key FILE]</c>: the latest sealed list of contacts of a group. Without
/// <c>--open</c> only what is outside the seal is shown; with it the deposit is opened here with the centre's private key.
/// </summary>
internal static class DepositsCommand
{
    public static Command Create()
    {
        var group = new Argument<string>("GROUP") { Description = "The group whose deposit to show" };
        var open = new Option<bool>("--open") { Description = "Open the deposit here with the centre's private key and print the list" };
        var key = new Option<string?>("--key") { Description = "The centre's private key (PEM), e.g. DIR/centre.key; needed with --open", HelpName = "FILE" };
        var json = JsonOption.Create();
        var command = new Command("deposits", "Show a group's latest sealed deposit with the centre (version, sealed at, key id, size), or open it with --open --key")
        {
            group, open, key, json,
        };
        command.SetClientAction(async (client, result, cancellation) =>
        {
            var opening = result.GetValue(open);
            var keyFile = result.GetValue(key);
            if (opening && string.IsNullOrWhiteSpace(keyFile)) throw new CliException("--open: needs the centre's private key (--key FILE)");
            if (!opening && keyFile is not null) throw new CliException("--key: only used with --open");
            var deposit = await DepositOpening.FetchAsync(client, result.GetRequiredValue(group));
            var summary = DepositSummary.Of(deposit);
            if (!opening)
            {
                if (result.GetValue(json)) Json.Write(result.Out(), summary);
                else WriteSummary(result.Out(), summary);
                return ExitCodes.Ok;
            }
            var contents = DepositOpening.Open(deposit, keyFile!);
            if (result.GetValue(json))
            {
                Json.Write(result.Out(), new { deposit = summary, contents });
                return ExitCodes.Ok;
            }
            WriteSummary(result.Out(), summary);
            WriteContents(result.Out(), contents);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteSummary(TextWriter output, DepositSummary deposit) =>
        output.WriteLine($"deposit of {deposit.Group} ({deposit.Organization}): version {deposit.Version}, sealed at {Format.Time(deposit.SealedAt)}, "
            + $"for the centre's key {deposit.KeyId}, {Format.Count(deposit.Size)} bytes sealed ({deposit.Algorithm})");

    private static void WriteContents(TextWriter output, DepositContents contents)
    {
        output.WriteLine($"opened: written at {Format.Time(contents.WrittenAt)}; contact {(contents.Contact.Length > 0 ? contents.Contact : Format.None)}, "
            + $"alternates {Format.Preview(contents.Alternates)}");
        var table = new Table("MEMBER", "HOMES", "ADDRESSES").AlignRight(1);
        foreach (var member in contents.Members)
        {
            var homes = member.Addresses.Count + member.SyntheticHomes;
            var addresses = member.Addresses.Count == 0 && member.SyntheticHomes == 0 ? Format.None
                : string.Join("; ", member.Addresses) + (member.SyntheticHomes > 0
                    ? (member.Addresses.Count > 0 ? "; " : "") + $"{Format.Count(member.SyntheticHomes)} numbered home(s)" : "");
            table.Add(member.Agent, Format.Count(homes), addresses);
        }
        table.Write(output);
    }
}
