namespace OrgTasks.Grains.Organization;

/// <summary>Why a unit is cut off, in the words the leaflet status and the picture use. One place, so both say the same.</summary>
public static class CutOffReasons
{
    public const string NoCarrier = "cut off: no free member to carry routes";
    public const string NoContact = "cut off: no contact";

    /// <summary>None when the unit is not cut off. A route nobody can carry is named first: it is what loses homes.</summary>
    public static string? Of(UnitConfig unit)
    {
        if (!unit.CutOff) return null;
        var carried = unit.Shares.Select(s => s.Route).ToHashSet(StringComparer.Ordinal);
        return unit.RouteMembers.Any(route => !carried.Contains(route)) ? NoCarrier : NoContact;
    }
}
