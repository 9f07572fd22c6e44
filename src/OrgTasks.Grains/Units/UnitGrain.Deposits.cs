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
    /// <summary>The configuration last found deposited: the pump runs often, the check only once per configuration.</summary>
    private UnitConfig? _depositCheckedFor;

    /// <summary>Returns whether a deposit is still to be made (retried next round).</summary>
    private async Task<bool> DepositIfChangedAsync()
    {
        var config = Config;
        if (config?.CentreKey is not { } key || !config.Unit.Kind.IsGroup() || ReferenceEquals(config, _depositCheckedFor)) return false;
        var print = DepositPrint(config, key);
        if (print == State.DepositPrint)
        {
            _depositCheckedFor = config;
            return false;
        }
        try
        {
            // The homes themselves are on the members' own configurations: asked only when a deposit is due.
            var members = await Task.WhenAll(config.Members.Select(async m =>
            {
                var route = (await GrainFactory.GetGrain<IAgentGrain>(m).GetConfig())?.Route ?? RouteSpec.Empty;
                return new DepositMember { Agent = m, Addresses = route.Addresses, SyntheticHomes = route.SyntheticHomes };
            }));
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
            _depositCheckedFor = config;
            return false;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Only the kind of failure is logged: a message could quote what was being sealed.
            Log.DepositFailed(Logger, Id, error.GetType().Name);
            return true;
        }
    }

    /// <summary>
    /// What the deposit would say, from the unit's configuration (contact, alternates, members, the homes on each route,
    /// the centre's key), without version or time: an equal print needs no new deposit. A change of a route's written
    /// addresses alone, with the same number of homes, does not make a new deposit until the composition changes.
    /// </summary>
    private static string DepositPrint(UnitConfig config, byte[] key)
    {
        var routes = config.Shares.GroupBy(s => s.Route).Select(g => $"{g.Key}:{g.First().RouteHomes}");
        var text = string.Join('\n', config.Contact, string.Join(',', config.Alternates), string.Join(',', config.Members),
            string.Join(',', routes), Convert.ToHexString(SHA256.HashData(key)));
        return Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)), 0, 16);
    }
}
