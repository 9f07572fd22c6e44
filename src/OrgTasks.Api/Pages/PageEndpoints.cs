using System.Collections.Frozen;
using Microsoft.Net.Http.Headers;

namespace OrgTasks.Api.Pages;

/// <summary>
/// The web pages: <c>/centre</c>, <c>/agent</c> and <c>/signin</c>, with their scripts and style sheet under
/// <c>/pages/</c>. Plain HTML, CSS and JavaScript modules embedded in this assembly (no Node toolchain, no files beside
/// the program), read once at start-up. The pages hold no data of their own: each reads the API with the session cookie,
/// so what a page shows is what the caller's credential may see.
/// </summary>
public static class PageEndpoints
{
    private const string Prefix = "pages/";

    private static readonly FrozenDictionary<string, (byte[] Bytes, string Type)> Files = Load();

    public static void MapPages(this WebApplication app)
    {
        app.MapGet("/centre", () => Page("centre.html")).ExcludeFromDescription();
        app.MapGet("/agent", () => Page("agent.html")).ExcludeFromDescription();
        app.MapGet("/signin", () => Page("signin.html")).ExcludeFromDescription();
        app.MapGet("/pages/{file}", (string file) => Files.ContainsKey(file) ? Page(file) : Results.NotFound()).ExcludeFromDescription();
    }

    private static IResult Page(string file)
    {
        var (bytes, type) = Files[file];
        return new PageResult(bytes, type);
    }

    private static FrozenDictionary<string, (byte[], string)> Load()
    {
        var assembly = typeof(PageEndpoints).Assembly;
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var file = name[Prefix.Length..];
            files[file] = (copy.ToArray(), Path.GetExtension(file) switch
            {
                ".html" => "text/html; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                _ => "application/octet-stream",
            });
        }
        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>A page or an asset, with headers that keep other sites from framing or sniffing it.</summary>
    private sealed class PageResult(byte[] bytes, string type) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            var headers = context.Response.Headers;
            headers.ContentType = type;
            headers.CacheControl = "no-cache";
            headers.XContentTypeOptions = "nosniff";
            headers[HeaderNames.ContentSecurityPolicy] = "default-src 'self'; frame-ancestors 'none'";
            context.Response.ContentLength = bytes.Length;
            return context.Response.Body.WriteAsync(bytes).AsTask();
        }
    }
}
