using OrgTasks.Api.Auth;
using OrgTasks.Api.Endpoints;
using OrgTasks.Api.Errors;
using OrgTasks.Api.Health;
using OrgTasks.Api.Hosting;
using OrgTasks.Api.Observability;
using OrgTasks.Api.Live;
using OrgTasks.Api.Pages;
using OrgTasks.Api.Requests;
using OrgTasks.Client.Json;
using Scalar.AspNetCore;

namespace OrgTasks.Api;

/// <summary>
/// The composition of the server's web application, in one place: every service it adds beside the silo and every
/// path it serves. New endpoints (live updates, pages, metrics, the dashboard) add their <c>AddXxx</c> line to
/// <see cref="AddServices"/> and their <c>MapXxx</c> line to <see cref="Map"/>; the wiring itself lives with them.
/// </summary>
public static class ServerApp
{
    /// <summary>The API's base path; every endpoint under it requires a credential unless it says otherwise.</summary>
    public const string ApiBase = "/api/v1";

    public static void AddServices(WebApplicationBuilder builder, ServerSettings settings)
    {
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton<SiloHealthHolder>();
        // The same JSON as the CLI's --json output (one source: OrgTasksJson).
        services.ConfigureHttpJsonOptions(o => OrgTasksJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddExceptionHandler<FailureProblems>();
        // A body that is not the JSON an endpoint takes throws, so FailureProblems can name the field.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddScoped<RequestChecks>();
        services.AddCredentialAuthentication();
        services.AddOrgTasksMetricsEndpoint();
        builder.AddOrgTasksDashboard();
        services.AddLiveUpdates();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "OrgTasks HTTP API";
            document.Info.Description = "Statements up, leaflets down, the organization's life: every command of the orgtasks CLI that talks to a cluster. "
                + "Authenticate with 'Authorization: Bearer <credential>' (or the orgtasks_credential cookie set by POST /api/v1/session).";
            // The credential as a bearer scheme, so the reference page can send it.
            document.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[CredentialAuthentication.Scheme] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "ES256 compact token (orgtasks credentials issue)",
                Description = "The organization's credential; the grains decide every call by it.",
            };
            document.Security = [new Microsoft.OpenApi.OpenApiSecurityRequirement
            {
                [new Microsoft.OpenApi.OpenApiSecuritySchemeReference(CredentialAuthentication.Scheme, document)] = [],
            }];
            return Task.CompletedTask;
        }));
    }

    public static void Map(WebApplication app, ServerSettings settings)
    {
        app.UseHealthPortOnly(settings);
        app.UseExceptionHandler();
        // Problem details for the answers without a body (404 of an unknown path, 405).
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealth();
        app.MapOrgTasksMetrics();
        app.MapOrgTasksDashboard();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api", o => o.WithTitle("OrgTasks HTTP API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));

        var api = app.MapGroup(ApiBase).RequireAuthorization().AddEndpointFilter<SiloReady>();
        api.MapSession();
        api.MapStatements();
        api.MapLeaflets();
        api.MapOrg();
        api.MapLife();
        api.MapCommittees();
        api.MapRoutine();
        api.MapCredentials();
        api.MapLiveUpdates();
        api.MapAgentPage();
        app.MapPages();
    }
}
