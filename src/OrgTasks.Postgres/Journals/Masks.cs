using System.Collections;

namespace OrgTasks.Postgres.Journals;

/// <summary>
/// Home masks (<c>ulong[]</c>, bit i of word w is home 64w+i) as PostgreSQL bit strings, leftmost bit = home 0, always a
/// multiple of 64 bits so that two masks of one route have equal lengths and OR without padding.
/// </summary>
internal static class Masks
{
    public static BitArray ToBits(ulong[] mask)
    {
        // BitArray(int[]) numbers the low bit of ints[0] as index 0: exactly the home numbering of the words.
        var ints = new int[mask.Length * 2];
        for (var w = 0; w < mask.Length; w++)
        {
            ints[2 * w] = unchecked((int)(uint)mask[w]);
            ints[2 * w + 1] = unchecked((int)(uint)(mask[w] >> 32));
        }
        return new BitArray(ints);
    }

    public static ulong[] FromBits(BitArray bits)
    {
        var ints = new int[(bits.Length + 31) / 32];
        bits.CopyTo(ints, 0);
        var words = new ulong[(bits.Length + 63) / 64];
        for (var w = 0; w < words.Length; w++)
        {
            var low = (uint)ints[2 * w];
            var high = 2 * w + 1 < ints.Length ? (uint)ints[2 * w + 1] : 0u;
            words[w] = ((ulong)high << 32) | low;
        }
        return words;
    }
}
