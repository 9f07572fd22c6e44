using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using OrgTasks.Api.Auth;
using OrgTasks.Api.Requests;
using OrgTasks.Client.Views;
using OrgTasks.Organization;

namespace OrgTasks.Api.Endpoints;

/// <summary>
/// The organization file and the applied tree: <c>org validate</c>, <c>org apply</c> (the YAML or JSON file as the
/// body; an invalid file is refused whole, each error naming file, line and field), <c>org show</c> and
/// <c>group show</c>.
/// </summary>
public static class OrgEndpoints
{
    /// <summary>The media types an organization file may be posted as (YAML; JSON is YAML too).</summary>
    private static readonly string[] FileTypes = ["application/yaml", "text/yaml", "application/json", "text/plain"];

    public static void MapOrg(this RouteGroupBuilder api)
    {
        var org = api.MapGroup("/org").WithTags("Organization");
        org.MapPost("/validate", async (HttpRequest request, [FromQuery] string? file) =>
        {
            var (name, result, loadTime) = await ReadAsync(request, file);
            return TypedResults.Ok(ValidationJson.Of(name, result, loadTime));
        }).WithName("org-validate").WithSummary("Check an organization file (the body) without applying it; every error names file, line and field")
          .Accepts<string>(FileTypes[0], FileTypes[1..]).Produces<ValidationJson>()
          .WithMetadata(new RequestSizeLimitAttribute(OrgFile.MaxFileBytes));

        org.MapPost("/apply", async Task<IResult> (HttpRequest request, [FromQuery] string? file, HttpContext context) =>
        {
            var (name, result, _) = await ReadAsync(request, file);
            if (!result.IsValid) return Invalid(result);
            return TypedResults.Ok(await context.OrgTasks().ApplyAsync(result.Organization!));
        }).WithName("org-apply").WithSummary("Validate an organization file (the body), then make the cluster match it; an invalid file changes nothing")
          .Accepts<string>(FileTypes[0], FileTypes[1..]).Produces<ApplyReport>().ProducesProblem(StatusCodes.Status400BadRequest)
          .WithMetadata(new RequestSizeLimitAttribute(OrgFile.MaxFileBytes));

        org.MapGet("", async Task<IResult> ([FromQuery] string? unit, [FromQuery] int? depth, HttpContext context, RequestChecks checks) =>
        {
            checks.Id("unit", unit, required: false).Check(depth is null or >= 0, "depth", "must be 0 or more");
            if (checks.Result() is { } refused) return refused;
            var client = context.OrgTasks();
            var units = new List<UnitSummary>();
            if (!string.IsNullOrWhiteSpace(unit))
            {
                await client.FindUnitAsync(unit);
                units.AddRange(await client.DescribeAsync(unit));
            }
            else
            {
                foreach (var (_, committee) in (await client.ListOrganizationsAsync()).OrderBy(o => o.Key, StringComparer.Ordinal))
                    units.AddRange(await client.DescribeAsync(committee));
            }
            // As `org show --json`: the units, breadth first, down to the depth asked for.
            return TypedResults.Ok(units.Where(u => u.Depth <= (depth ?? int.MaxValue)).ToList());
        }).WithName("org-show").WithSummary("The applied organizations' units (or the subtree of ?unit=) with kind, contact, members and homes")
          .Produces<List<UnitSummary>>();

        api.MapGet("/units/{id}/composition", async ([AsParameters] UnitRoute unit, [FromQuery(Name = "as")] string? actAs, HttpContext context) =>
            TypedResults.Ok(await context.OrgTasks().GetCompositionAsync(unit.Id, ActAs.Of(actAs))))
            .WithTags("Organization").WithName("group-show").WithSummary("A group's composition and activity, as far as the reader may see");
    }

    /// <summary>An invalid file: 400 naming every error (file, line, field, message); nothing was applied.</summary>
    private static IResult Invalid(OrgLoadResult result) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "The organization file is not valid; nothing was applied",
            detail: string.Join("\n", result.Errors.Take(20).Select(e => e.ToString()))
                + (result.Errors.Count > 20 ? $"\n… and {result.Errors.Count - 20} more" : ""),
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = result.Errors.Select(e => new { e.File, e.Line, e.Field, e.Message }).ToList(),
            });

    private static async Task<(string Name, OrgLoadResult Result, TimeSpan LoadTime)> ReadAsync(HttpRequest request, string? file)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        // The name errors carry: the caller's file name (only its last part; the server has no such file), else "request".
        var name = string.IsNullOrWhiteSpace(file) ? "request" : Path.GetFileName(file.Trim());
        var watch = Stopwatch.StartNew();
        var result = OrgFile.Parse(text, name);
        return (name, result, watch.Elapsed);
    }
}
