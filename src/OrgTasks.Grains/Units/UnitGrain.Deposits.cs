using System.Security.Cryptography;

namespace OrgTasks.Grains.Units;

/// <summary>
/// A group deposits its list of contacts with the centre, sealed with the centre's public key, whenever its
/// composition changes (and when the centre's key first arrives or changes). The list never leaves this grain
/// unsealed and is never logged. Deposited from the pump, so a failed deposit is retried and never blocks a
/// configuration.
/// </summary>
public abstract partial class UnitGrain
{
    /// <summary>Returns whether a deposit is still to be made (retried next round).</summary>
    private async Task<bool> DepositIfChangedAsync()
    {
        var config = Config;
        if (config?.CentreKey is not { } key || !config.Unit.Kind.IsGroup()) return false;
        try
        {
            var members = await Task.WhenAll(config.Members.Select(async m =>
            {
                var route = (await GrainFactory.GetGrain<IAgentGrain>(m).GetConfig())?.Route ?? RouteSpec.Empty;
                return new DepositMember { Agent = m, Addresses = route.Addresses, SyntheticHomes = route.SyntheticHomes };
            }));
            var print = DepositPrint(config, members, key);
            if (print == State.DepositPrint) return false;
            var version = State.DepositVersion + 1;
            var contents = new DepositContents
            {
                Organization = config.Organization,
                Group = Id,
                Version = version,
                WrittenAt = Services.Clock.GetUtcNow(),
                Contact = config.Contact,
                Alternates = config.Alternates,
                Members = members,
            };
            await GrainFactory.GetGrain<IDepositGrain>(Id).Put(DepositSeal.Seal(contents, key, Services.Clock.GetUtcNow()));
            State.DepositVersion = version;
            State.DepositPrint = print;
            await WriteStateAsync();
            return false;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Only the kind of failure is logged: a message could quote what was being sealed.
            Log.DepositFailed(Logger, Id, error.GetType().Name);
            return true;
        }
    }

    /// <summary>What the deposit says, without its version and time: an equal print needs no new deposit.</summary>
    private static string DepositPrint(UnitConfig config, IReadOnlyList<DepositMember> members, byte[] key)
    {
        var text = string.Join('\n', config.Contact, string.Join(',', config.Alternates),
            string.Join(';', members.Select(m => $"{m.Agent}:{m.SyntheticHomes}:{string.Join('|', m.Addresses)}")),
            Convert.ToHexString(SHA256.HashData(key)));
        return Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)), 0, 16);
    }
}
