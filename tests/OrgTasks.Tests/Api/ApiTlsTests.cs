using System.Net;
using OrgTasks.Silo.Health;
using OrgTasks.Tests.EndToEnd;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Api;

/// <summary>
/// The HTTP port speaks TLS with the silo's certificate (the gateway's), and plain HTTP only with --insecure; the plain
/// health port answers /healthz and /readyz alone. <c>orgtasks silo --http-port</c> runs the same host.
/// </summary>
[Trait("Category", "Api")]
public sealed class ApiTlsTests
{
    [Fact]
    public async Task With_tls_the_api_presents_the_silos_certificate_and_the_session_cookie_is_secure()
    {
        await using var server = await ApiServer.StartAsync(insecure: false, settings => settings.HealthPort = OrgTasks.Cli.Hosting.FreePorts.Take(1)[0]);
        Assert.Equal("https", server.BaseAddress.Scheme);
        using var http = server.Http(null, ApiServer.Handler(new CookieContainer()));
        using var signIn = await http.PostJsonAsync("/api/v1/session", new { credential = TestIdentity.Operator });
        await signIn.ExpectAsync(200);
        Assert.Contains("secure", signIn.Headers.GetValues("Set-Cookie").Single().Split(';').Select(p => p.Trim().ToLowerInvariant()));

        // Plain HTTP on the TLS port is not served.
        using var plain = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => plain.GetAsync($"http://127.0.0.1:{server.Settings.HttpPort}/readyz"));

        // The health port: plain HTTP, the two health paths and nothing else.
        using var health = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.Settings.HealthPort}"), Timeout = TimeSpan.FromSeconds(10) };
        await (await health.GetAsync(HealthPaths.Readiness)).ExpectAsync(200);
        await (await health.GetAsync("/api/v1/session")).ExpectAsync(404);
        await (await health.GetAsync("/openapi/v1.json")).ExpectAsync(404);
    }

    [Fact]
    public async Task Orgtasks_silo_with_an_http_port_serves_the_api_and_refuses_the_same_port_for_health()
    {
        var ports = OrgTasks.Cli.Hosting.FreePorts.Take(3);
        var refused = await OrgTasksProcess.RunAsync("silo", "--storage", "memory", "--silo-port", ports[0].ToString(), "--gateway-port", ports[1].ToString(),
            "--http-port", ports[2].ToString(), "--health-port", ports[2].ToString());
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--health-port", refused.Stderr);

        using var silo = OrgTasksProcess.Start(["silo", "--storage", "memory", "--silo-port", ports[0].ToString(), "--gateway-port", ports[1].ToString(),
            "--http-port", ports[2].ToString(), "--insecure", "--cluster-id", "http-" + Guid.NewGuid().ToString("N")[..8]]);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports[2]}"), Timeout = TimeSpan.FromSeconds(10) };
            await Poll.UntilAsync(async () =>
            {
                try { return (await http.GetAsync(HealthPaths.Readiness)).StatusCode; }
                catch (HttpRequestException) { return HttpStatusCode.ServiceUnavailable; }
            }, status => status == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "orgtasks silo's /readyz");
            http.DefaultRequestHeaders.Authorization = new("Bearer", TestIdentity.Operator);
            using var who = await http.GetAsync("/api/v1/session");
            await who.ExpectAsync(200);
            Assert.Equal("operator", (await who.JsonAsync()).GetProperty("role").GetString());
        }
        finally
        {
            silo.Kill(entireProcessTree: true);
            await silo.WaitForExitAsync();
        }
    }
}
