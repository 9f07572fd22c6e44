namespace OrgTasks.Api.Requests;

/// <summary>
/// A unit id in a path. Unit ids contain slashes (<c>spb/d1/f1</c>): a client writes them as <c>%2F</c>, which the
/// server keeps encoded in the path, so it is decoded here.
/// </summary>
public readonly record struct UnitRoute([property: Microsoft.AspNetCore.Mvc.FromRoute(Name = "id")] string RawId)
{
    public string Id => Uri.UnescapeDataString(RawId);
}
