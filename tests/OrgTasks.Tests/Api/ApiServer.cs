using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrgTasks.Api.Hosting;
using OrgTasks.Client;
using OrgTasks.Client.Json;
using OrgTasks.Links;
using OrgTasks.Silo.Hosting;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Api;

/// <summary>
/// The real server host (<see cref="ServerHost"/>: the silo and Kestrel in one web application, as the server program
/// and <c>orgtasks silo</c> run it) in this process, on free ports, with memory storage and the test run's signing
/// keys. Requests go over real HTTP (TLS with the local CA unless <c>insecure</c>).
/// </summary>
public sealed class ApiServer : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = OrgTasksJson.Create(indented: false);

    private readonly IHost _host;

    private ApiServer(IHost host, ServerSettings settings)
    {
        _host = host;
        Settings = settings;
        var scheme = settings.Silo.Links.Insecure ? "http" : "https";
        BaseAddress = new Uri($"{scheme}://127.0.0.1:{settings.HttpPort}");
    }

    public ServerSettings Settings { get; }
    public Uri BaseAddress { get; }

    /// <summary>An operator's client calling the grains the way the API does (the silo's factory, the credential, no proof).</summary>
    public OrgTasksClient Operator => new(_host.Services.GetRequiredService<IGrainFactory>(), TestIdentity.Operator);

    public T Service<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public static async Task<ApiServer> StartAsync(bool insecure = true, Action<ServerSettings>? configure = null)
    {
        var ports = OrgTasks.Cli.Hosting.FreePorts.Take(3);
        var settings = new ServerSettings
        {
            Silo = new SiloSettings
            {
                Storage = StorageKind.Memory,
                SiloPort = ports[0],
                GatewayPort = ports[1],
                ClusterId = "api-" + Guid.NewGuid().ToString("N")[..8],
                Links = new LinkSettings { Insecure = insecure },
            },
            HttpPort = ports[2],
        };
        configure?.Invoke(settings);
        var host = ServerHost.Build(settings, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddSingleton<IIncomingGrainCallFilter, OrgTasks.Tests.Live.WatchCounter>();
        });
        await host.StartAsync();
        var server = new ApiServer(host, settings);
        using var http = server.Http(null);
        await Poll.UntilAsync(async () => (await http.GetAsync("/readyz")).IsSuccessStatusCode, ok => ok, TimeSpan.FromSeconds(60), "the server to be ready");
        return server;
    }

    /// <summary>An HTTP client of this server, with <paramref name="credential"/> as its bearer (none when null).</summary>
    public HttpClient Http(string? credential, HttpMessageHandler? handler = null)
    {
        var http = new HttpClient(handler ?? Handler(), disposeHandler: true) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (credential is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        return http;
    }

    /// <summary>A handler that trusts the local CA (the server presents the silo's certificate).</summary>
    public static SocketsHttpHandler Handler(System.Net.CookieContainer? cookies = null)
    {
        var trust = CertificateAuthorityTrust.Load(LocalTlsFolder.Default.CaCertificate);
        var handler = new SocketsHttpHandler { UseCookies = cookies is not null, CookieContainer = cookies ?? new System.Net.CookieContainer() };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, _) =>
            certificate is System.Security.Cryptography.X509Certificates.X509Certificate2 presented && trust.Trusts(presented, chain);
        return handler;
    }

    /// <summary>Applies a fresh test city through the API's own path (operator credential, no proof).</summary>
    public async Task<TestCity> CityAsync(int districts = 2)
    {
        var city = TestCity.Create(districts);
        await Operator.ApplyAsync(city.Spec);
        return city;
    }

    public async ValueTask DisposeAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _host.StopAsync(limit.Token);
        _host.Dispose();
    }
}

/// <summary>One server shared by the API tests of a collection (each test uses its own city).</summary>
public sealed class ApiServerFixture : IAsyncLifetime
{
    public ApiServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await ApiServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiServerFixture>
{
    public const string Name = "api";
}

/// <summary>Reading answers.</summary>
public static class ApiResponses
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text.Length == 0 ? "null" : text).RootElement.Clone();
    }

    /// <summary>The status, and the body when the status is not the one expected (so a failure says why).</summary>
    public static async Task ExpectAsync(this HttpResponseMessage response, int status)
    {
        if ((int)response.StatusCode != status)
            Assert.Fail($"expected {status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient http, string path, T body) =>
        http.PostAsJsonAsync(path, body, ApiServer.Json);

    /// <summary>A unit id as a path segment (its slashes escaped).</summary>
    public static string Segment(string id) => Uri.EscapeDataString(id);
}
