using Microsoft.AspNetCore.Authorization;
using Orleans.Dashboard;
using OrgTasks.Api.Auth;

namespace OrgTasks.Api.Observability;

/// <summary>
/// The Orleans Dashboard at <c>/dashboard/</c>, for the operator only: it shows every grain type, activation count and
/// silo, which is the organization's shape. The server's credential (bearer or the <c>orgtasks_credential</c> cookie)
/// and the <see cref="OperatorPolicy"/>: 401 without a credential, 403 with an agent's.
/// </summary>
public static class DashboardEndpoint
{
    public const string Path = "/dashboard";

    /// <summary>The authorization policy: an authenticated credential of the operator role.</summary>
    public const string OperatorPolicy = "operator";

    public static WebApplicationBuilder AddOrgTasksDashboard(this WebApplicationBuilder builder)
    {
        // The dashboard's grains and its call profiler run in this silo (UseOrleans again adds to the same silo).
        builder.UseOrleans(silo => silo.AddDashboard());
        builder.Services.AddAuthorizationBuilder().AddPolicy(OperatorPolicy, policy => policy
            .AddAuthenticationSchemes(CredentialAuthentication.Scheme)
            .RequireAuthenticatedUser()
            .RequireRole(CredentialRole.Operator.ToString().ToLowerInvariant()));
        return builder;
    }

    public static void MapOrgTasksDashboard(this WebApplication app) =>
        app.MapOrleansDashboard(routePrefix: Path).RequireAuthorization(OperatorPolicy);
}
