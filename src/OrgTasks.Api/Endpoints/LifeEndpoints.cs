using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using OrgTasks.Api.Auth;
using OrgTasks.Api.Requests;
using OrgTasks.Client;
using OrgTasks.Client.Views;

namespace OrgTasks.Api.Endpoints;

/// <summary>
/// The organization's life: <c>life</c>, <c>arrest</c>, <c>release</c>, <c>warn</c>, <c>clear</c>, <c>delegate</c>,
/// <c>notices</c>, <c>deposits</c>, <c>reestablish</c> and the centre's key (<c>centre install</c>, <c>centre keys</c>).
/// </summary>
public static class LifeEndpoints
{
    /// <summary>Most agents one arrest or release names.</summary>
    private const int MaxAgents = 1000;

    public static void MapLife(this RouteGroupBuilder api)
    {
        var life = api.MapGroup("/life").WithTags("Life");
        life.MapGet("", async Task<IResult> ([FromQuery] string? unit, HttpContext context, RequestChecks checks) =>
        {
            checks.Id("unit", unit, required: false);
            if (checks.Result() is { } refused) return refused;
            var client = context.OrgTasks();
            if (!string.IsNullOrWhiteSpace(unit)) return TypedResults.Ok(new[] { await client.GetLifeAsync(unit) });
            var views = new List<LifeView>();
            foreach (var committee in (await client.ListOrganizationsAsync()).OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Value))
                views.Add(await client.GetLifeAsync(committee));
            return TypedResults.Ok(views);
        }).WithName("life").WithSummary("Who is arrested or suspended, groups cut off or re-established, delegates, consent, proposals (of ?unit='s organization, or all)")
          .Produces<List<LifeView>>();

        life.MapPost("/arrests", (AgentsRequest body, HttpContext context, RequestChecks checks, CancellationToken cancellation) =>
            ForEachAsync(body, context, checks, (client, agent) => client.ArrestAsync(agent, cancellation)))
            .WithName("arrest").WithSummary("Mark agents arrested: duties and routes pass to alternates").Produces<List<AgentLifeReport>>();

        life.MapPost("/releases", (AgentsRequest body, HttpContext context, RequestChecks checks, CancellationToken cancellation) =>
            ForEachAsync(body, context, checks, (client, agent) => client.ReleaseAsync(agent, cancellation)))
            .WithName("release").WithSummary("Release arrested agents: each takes back its duties and route").Produces<List<AgentLifeReport>>();

        life.MapPost("/warnings", async Task<IResult> (WarnRequest body, HttpContext context, RequestChecks checks, CancellationToken cancellation) =>
        {
            checks.Id("suspect", body.Suspect).Text("reason", body.Reason, checks.Limits.MaxLeafletTitleLength);
            if (checks.Result() is { } refused) return refused;
            var client = context.OrgTasks();
            await client.FindAgentOrganizationAsync(body.Suspect!);
            return TypedResults.Ok(new AgentLifeReport(body.Suspect!, await client.WarnAsync(body.Suspect!, body.Reason!, cancellation)));
        }).WithName("warn").WithSummary("Warn about a provocateur: the suspect is suspended at once, its statements in flight quarantined");

        life.MapPost("/clearances/{agent}", async (string agent, HttpContext context, CancellationToken cancellation) =>
        {
            var client = context.OrgTasks();
            await client.FindAgentOrganizationAsync(agent);
            return TypedResults.Ok(new AgentLifeReport(agent, await client.ClearAsync(agent, cancellation)));
        }).WithName("clear").WithSummary("Lift a warning: the agent may act again, its quarantined statements travel on");

        life.MapPost("/delegates", async Task<IResult> (DelegateRequest body, [FromQuery(Name = "as")] string? actAs, HttpContext context, RequestChecks checks) =>
        {
            checks.Id("agent", body.Agent).Id("to", body.To).Id("as", actAs, required: false);
            if (checks.Result() is { } refused) return refused;
            return TypedResults.Ok(await context.OrgTasks().DetailDelegateAsync(body.Agent!, body.To!, ActAs.Of(actAs)));
        }).WithName("delegate").WithSummary("Detail a delegate to a group");

        api.MapGet("/units/{id}/notices", async Task<IResult> ([AsParameters] UnitRoute unit, [FromQuery] int? limit, [FromQuery(Name = "as")] string? actAs,
            HttpContext context, RequestChecks checks) =>
        {
            checks.Id("id", unit.Id).Limit("limit", limit ?? 50).Id("as", actAs, required: false);
            if (checks.Result() is { } refused) return refused;
            return TypedResults.Ok(await context.OrgTasks().GetNoticesAsync(unit.Id, ActAs.Of(actAs), limit ?? 50));
        }).WithTags("Life").WithName("notices").WithSummary("What a unit was told, newest first").Produces<List<Notice>>();

        var groups = api.MapGroup("/groups/{id}").WithTags("Life");
        groups.MapGet("/deposit", async Task<IResult> ([AsParameters] UnitRoute group, HttpContext context) =>
        {
            var deposit = await context.OrgTasks().GetDepositAsync(group.Id)
                ?? throw new NotFoundException($"group '{group.Id}' has no deposit with the centre yet (is the centre's key installed?)");
            return TypedResults.Ok(new DepositView(DepositSummary.Of(deposit), deposit));
        }).WithName("deposits").WithSummary("A group's latest sealed deposit (open it with the centre's private key where that key is)").Produces<DepositView>();

        groups.MapPost("/reestablish", async Task<IResult> ([AsParameters] UnitRoute group, ReestablishRequest body, HttpContext context, RequestChecks checks) =>
        {
            checks.Id("delegate", body.Delegate).Check(body.Deposit is not null, "deposit", "is missing: the opened deposit's contents");
            if (body.Deposit is { } deposit)
                checks.Check(deposit.Group == group.Id, "deposit.group", $"is '{deposit.Group}', not the group '{group.Id}' being re-established");
            if (checks.Result() is { } refused) return refused;
            return TypedResults.Ok(await context.OrgTasks().ReestablishAsync(group.Id, body.Delegate!, body.Deposit!));
        }).WithName("reestablish").WithSummary("Re-establish a group lost to arrests from its deposit's contents, with the delegate as its contact");

        api.MapPut("/centre/key", async Task<IResult> (CentreKeyRequest body, HttpContext context, RequestChecks checks) =>
        {
            checks.Text("publicKey", body.PublicKey, 10_000).Id("organization", body.Organization, required: false);
            byte[]? key = null;
            if (!checks.Failed)
            {
                key = PublicKey(body.PublicKey!);
                checks.Check(key is not null, "publicKey", "is not an ECDH P-256 public key in PEM (-----BEGIN PUBLIC KEY-----)");
            }
            if (checks.Result() is { } refused) return refused;
            var client = context.OrgTasks();
            var organizations = await client.ListOrganizationsAsync();
            if (body.Organization is { Length: > 0 } named && !organizations.ContainsKey(named))
                return Errors.Problems.Field("organization", $"no organization '{named}' in this cluster");
            var names = body.Organization is { Length: > 0 } one ? [one] : organizations.Keys.Order(StringComparer.Ordinal).ToList();
            if (names.Count == 0) throw new InvalidRequestException("no organization has been applied to this cluster; apply one first");
            var installed = new List<CentreKeyInstalled.Installation>();
            foreach (var name in names)
                installed.Add(new(name, (await client.InstallCentreKeyAsync(key!, name)).Single().NothingChanged));
            return TypedResults.Ok(new CentreKeyInstalled(DepositSeal.KeyId(key!), DepositSeal.Algorithm, installed));
        }).WithTags("Centre").WithName("centre-install").WithSummary("Install the centre's public key: groups deposit their lists of contacts sealed with it")
          .Produces<CentreKeyInstalled>();
    }

    private static async Task<IResult> ForEachAsync(AgentsRequest body, HttpContext context, RequestChecks checks,
        Func<OrgTasksClient, string, Task<LifeReport>> change)
    {
        var agents = body.Agents ?? [];
        checks.Check(agents.Count is > 0 and <= MaxAgents, "agents", $"name 1 to {MaxAgents} agents");
        for (var i = 0; i < agents.Count; i++) checks.Id($"agents[{i}]", agents[i]);
        if (checks.Result() is { } refused) return refused;
        var client = context.OrgTasks();
        // Every agent looked up first: a misspelt name refuses the whole request before anything is changed.
        foreach (var agent in agents) await client.FindAgentOrganizationAsync(agent);
        var reports = new List<AgentLifeReport>();
        foreach (var agent in agents) reports.Add(new AgentLifeReport(agent, await change(client, agent)));
        return TypedResults.Ok(reports);
    }

    private static byte[]? PublicKey(string pem)
    {
        try
        {
            var fields = PemEncoding.Find(pem);
            if (pem[fields.Label] != "PUBLIC KEY") return null;
            var der = Convert.FromBase64String(pem[fields.Base64Data]);
            DepositSeal.KeyId(der);
            return der;
        }
        catch (Exception error) when (error is ArgumentException or FormatException or CryptographicException)
        {
            return null;
        }
    }
}
