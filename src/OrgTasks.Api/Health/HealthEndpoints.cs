using Orleans.Runtime;
using OrgTasks.Api.Hosting;
using OrgTasks.Silo.Cluster;
using OrgTasks.Silo.Health;

namespace OrgTasks.Api.Health;

/// <summary>
/// <c>GET /healthz</c> (liveness) and <c>GET /readyz</c> (readiness): 200 with <c>ok: active</c>, or 503 with the
/// reason. Kestrel starts with the silo (not after it), so a supervisor sees a live process that is not ready yet while
/// the silo joins. They are served on the API's port and, with <see cref="ServerSettings.HealthPort"/>, on a plain-HTTP
/// port of their own that answers nothing else.
/// </summary>
public static class HealthEndpoints
{
    public static void MapHealth(this WebApplication app)
    {
        var health = new SiloHealthSource(app.Services);
        app.Services.GetRequiredService<SiloHealthHolder>().Source = health;
        // Until the silo exists there is no membership status: alive (the process answers), not ready.
        app.MapGet(HealthPaths.Liveness, () => Answer(health.Get()?.Liveness() ?? HealthAnswer.Yes(SiloStatus.Created), "not alive"))
            .ExcludeFromDescription();
        app.MapGet(HealthPaths.Readiness, () => Answer(health.Get()?.Readiness() ?? HealthAnswer.No(SiloStatus.Created, "the silo is starting"), "not ready"))
            .ExcludeFromDescription();
    }

    /// <summary>On the health port, every path but the two health paths is 404, before anything else runs.</summary>
    public static void UseHealthPortOnly(this WebApplication app, ServerSettings settings)
    {
        if (settings.HealthPort is not { } port) return;
        app.Use((context, next) =>
        {
            if (context.Connection.LocalPort != port
                || context.Request.Path == HealthPaths.Liveness || context.Request.Path == HealthPaths.Readiness)
                return next(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }

    private static IResult Answer(HealthAnswer answer, string failure) =>
        Results.Text(answer.Text(failure) + "\n", "text/plain",
            statusCode: answer.Ok ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
}

/// <summary>The health source, shared with the API's readiness filter.</summary>
public sealed class SiloHealthHolder
{
    public SiloHealthSource? Source { get; set; }
}

/// <summary>
/// API calls before the silo is an active member fail inside Orleans with a confusing error: answer 503 with the reason
/// instead, as <c>/readyz</c> does.
/// </summary>
public sealed class SiloReady(SiloHealthHolder holder) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var readiness = holder.Source?.Get()?.Readiness();
        if (readiness is { Ok: true }) return next(context);
        return ValueTask.FromResult<object?>(TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Not ready", detail: readiness?.Text("the silo is not ready") ?? "the silo is starting"));
    }
}
