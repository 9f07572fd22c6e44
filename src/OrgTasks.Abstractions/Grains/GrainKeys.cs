namespace OrgTasks.Grains;

/// <summary>
/// Grain references by string key, with the grain interface resolved once per interface instead of once per call.
/// </summary>
/// <remarks>
/// <c>IGrainFactory.GetGrain&lt;T&gt;(string)</c> finds the grain type and interface type from <c>T</c>'s attributes on
/// every call (reflection: <c>GetCustomAttributes</c>, then formatting the type name). A statement on its way up takes
/// a reference at every hop, and profiles of <c>loadtest statements</c> showed 6 % of the silo's CPU in that lookup.
/// The mapping from an interface to its grain type is fixed by the code the process loaded, so the first reference
/// made in the process gives it for every later one; those go straight to the reference activator.
/// </remarks>
public static class GrainKeys
{
    public static T GetByKey<T>(this IGrainFactory factory, string key) where T : class, IGrainWithStringKey
    {
        if (Volatile.Read(ref Resolved<T>.Types) is not { } types)
        {
            var reference = factory.GetGrain<T>(key);
            var grain = (GrainReference)(object)reference;
            Volatile.Write(ref Resolved<T>.Types, new GrainTypes(grain.GrainId.Type, grain.InterfaceType));
            return reference;
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return (T)factory.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
    }

    /// <summary>
    /// A reference, published whole: a struct of two ids could be read half written by another thread. Every thread
    /// that writes it writes the same.
    /// </summary>
    private sealed record GrainTypes(GrainType Grain, GrainInterfaceType Interface);

    private static class Resolved<T>
    {
        public static GrainTypes? Types;
    }
}
