using System.Security.Cryptography;

namespace OrgTasks.Cli.Deposits;

/// <summary>Fetches a group's latest sealed deposit and opens it here, with the centre's private key read from a file.</summary>
internal static class DepositOpening
{
    public static async Task<SealedDeposit> FetchAsync(OrgTasksClient client, string group) =>
        await client.GetDepositAsync(group)
        ?? throw new CliException($"group '{group}' has no deposit with the centre yet; groups deposit once the centre's key is "
            + "installed (`orgtasks centre keys --out DIR`)");

    public static DepositContents Open(SealedDeposit deposit, string keyFile)
    {
        var privateKey = CentreKeyFiles.ReadPrivate(keyFile);
        try
        {
            var keyId = CentreKeyFiles.KeyIdOfPrivate(privateKey);
            if (keyId != deposit.KeyId)
                throw new CliException($"{keyFile}: key {keyId} cannot open the deposit of '{deposit.Group}', which is sealed for the centre's key {deposit.KeyId}");
            try
            {
                return DepositSeal.Open(deposit, privateKey);
            }
            catch (CryptographicException error)
            {
                throw new CliException($"the deposit of '{deposit.Group}' (version {deposit.Version}) does not open with {keyFile}: "
                    + $"it was altered or is not sealed for this key ({error.Message.TrimEnd('.')})");
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }
}
