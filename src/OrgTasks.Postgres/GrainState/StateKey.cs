using Orleans.Runtime;

namespace OrgTasks.Postgres.GrainState;

/// <summary>
/// The row of <c>orleans_grain_state</c> (Schema/002) that holds one grain's state, named the way Orleans' ADO.NET
/// provider names it when it binds the stored queries: the state's name, then a string key (or a Guid's or an integer's
/// key extension) in <c>grain_key</c>, and a Guid in <c>grain_n0</c>/<c>grain_n1</c> as its two halves, an integer in
/// <c>grain_n1</c>. <see cref="BatchedGrainStorage"/> reads and writes by this key, and the provider, which still clears
/// (and reads when a batch fails), must find the same row: <c>BatchedGrainStorageTests</c> checks both agree for every
/// kind of key.
/// </summary>
internal readonly record struct StateKey(string StateName, string Key, long N0, long N1)
{
    public static StateKey Of(string stateName, GrainId grainId)
    {
        if (grainId.TryGetGuidKey(out var guid, out var extension))
        {
            var bytes = guid.ToByteArray();
            return new(stateName, extension ?? "", BitConverter.ToInt64(bytes, 0), BitConverter.ToInt64(bytes, 8));
        }
        if (grainId.TryGetIntegerKey(out var integer, out extension)) return new(stateName, extension ?? "", 0, integer);
        return new(stateName, grainId.Key.ToString() ?? "", 0, 0);
    }
}
