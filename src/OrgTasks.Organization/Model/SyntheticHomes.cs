using System.Globalization;

namespace OrgTasks.Organization;

/// <summary>
/// Addresses of counted homes (<c>homes: 40</c>). They are made on demand from the agent id and a 1-based
/// index, so a route of any length costs one integer until someone asks for an address.
/// Agent ids contain no spaces, so the text before <c>": home "</c> is always the whole agent id and two agents
/// never share a synthetic address.
/// </summary>
public static class SyntheticHomes
{
    private const string Separator = ": home ";

    /// <summary>The address of home number <paramref name="index"/> (1-based) on the agent's route, e.g. <c>olya: home 17</c>.</summary>
    public static string Address(string agentId, int index)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        return string.Concat(agentId, Separator, index.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Reads an address back into agent id and index when it has exactly the form <see cref="Address"/> makes
    /// (no leading zeros, index at least 1). Used to stop a written address from colliding with a counted one.
    /// </summary>
    public static bool TryParse(string address, out string agentId, out int index)
    {
        agentId = string.Empty;
        index = 0;
        var at = address.IndexOf(Separator, StringComparison.Ordinal);
        if (at <= 0)
        {
            return false;
        }

        var number = address.AsSpan(at + Separator.Length);
        if (number.Length == 0 || number[0] == '0' || !IsDigits(number)
            || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out index))
        {
            index = 0;
            return false;
        }

        agentId = address[..at];
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
