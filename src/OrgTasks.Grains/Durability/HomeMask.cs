using System.Numerics;

namespace OrgTasks.Grains.Durability;

/// <summary>Bit masks over the homes of one route: bit i is home i.</summary>
public static class HomeMask
{
    public static ulong[] All(int homes)
    {
        var mask = new ulong[(homes + 63) / 64];
        for (var i = 0; i < homes; i++) mask[i >> 6] |= 1UL << (i & 63);
        return mask;
    }

    /// <summary>Homes [<paramref name="from"/>, from + <paramref name="count"/>) of a route of <paramref name="homes"/>.</summary>
    public static ulong[] Range(int homes, int from, int count)
    {
        var mask = new ulong[(homes + 63) / 64];
        for (var i = from; i < from + count; i++) mask[i >> 6] |= 1UL << (i & 63);
        return mask;
    }

    /// <summary>How many of homes [<paramref name="from"/>, from + <paramref name="count"/>) are set.</summary>
    public static int CountIn(ulong[] mask, int from, int count)
    {
        var n = 0;
        for (var i = from; i < from + count; i++)
            if ((i >> 6) < mask.Length && (mask[i >> 6] & (1UL << (i & 63))) != 0) n++;
        return n;
    }

    public static int Count(ulong[] mask)
    {
        var n = 0;
        foreach (var word in mask) n += BitOperations.PopCount(word);
        return n;
    }

    /// <summary>The homes of <paramref name="wanted"/> not in <paramref name="have"/>.</summary>
    public static ulong[] Missing(ulong[] wanted, ulong[]? have)
    {
        var result = (ulong[])wanted.Clone();
        if (have is null) return result;
        for (var i = 0; i < result.Length && i < have.Length; i++) result[i] &= ~have[i];
        return result;
    }

    /// <summary>ORs <paramref name="add"/> into <paramref name="into"/>; returns (new bits, bits already set).</summary>
    public static (ulong[] Merged, int Newly, int Overlap) Merge(ulong[]? into, ulong[] add)
    {
        var length = Math.Max(into?.Length ?? 0, add.Length);
        var merged = new ulong[length];
        int newly = 0, overlap = 0;
        for (var i = 0; i < length; i++)
        {
            var have = into is not null && i < into.Length ? into[i] : 0UL;
            var more = i < add.Length ? add[i] : 0UL;
            newly += BitOperations.PopCount(more & ~have);
            overlap += BitOperations.PopCount(more & have);
            merged[i] = have | more;
        }
        return (merged, newly, overlap);
    }
}
