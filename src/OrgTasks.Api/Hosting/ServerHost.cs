using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using OrgTasks.Silo.Hosting;
using OrgTasks.Silo.Links;

namespace OrgTasks.Api.Hosting;

/// <summary>
/// The one host of a silo, shared by the server program, <c>orgtasks silo</c> and <c>orgtasks demo</c>: a web
/// application that runs the silo and Kestrel (the HTTP API and health, see <see cref="ServerApp"/>); with no HTTP
/// port at all, the silo alone.
/// </summary>
public static class ServerHost
{
    /// <summary>
    /// Builds the host. <paramref name="configure"/> sets up logging and anything else one program needs beside the
    /// silo (the load test's call meter); it runs after the silo and the API are added.
    /// </summary>
    public static IHost Build(ServerSettings settings, Action<IHostApplicationBuilder>? configure = null)
    {
        if (settings.Problem() is { } problem) throw new OrgTasksException(problem);
        if (settings.HttpPort is null && settings.HealthPort is null)
        {
            var plain = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            Microsoft.Extensions.Configuration.EnvironmentVariablesExtensions.AddEnvironmentVariables(plain.Configuration);
            plain.AddOrgTasksSilo(settings.Silo);
            configure?.Invoke(plain);
            return plain.Build();
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        var tls = SiloCertificate.Load(settings.Silo.Links);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = settings.MaxRequestBodySize;
            if (settings.HttpPort is { } http)
                kestrel.Listen(settings.ListenAddress, http, listen =>
                {
                    // HTTP/2 needs TLS (ALPN); plaintext serves HTTP/1.1.
                    listen.Protocols = tls is null ? HttpProtocols.Http1 : HttpProtocols.Http1AndHttp2;
                    if (tls is { } loaded) listen.UseHttps(loaded.Certificate);
                });
            if (settings.HealthPort is { } health) kestrel.Listen(settings.ListenAddress, health);
        });
        // Kestrel starts with the silo, not after it: the health endpoint answers (alive, not ready) while the silo
        // joins, and the API answers 503 until it is active.
        builder.Services.Configure<HostOptions>(o => o.ServicesStartConcurrently = true);
        builder.AddOrgTasksSilo(settings.Silo);
        ServerApp.AddServices(builder, settings);
        configure?.Invoke(builder);
        var app = builder.Build();
        ServerApp.Map(app, settings);
        return app;
    }

}
