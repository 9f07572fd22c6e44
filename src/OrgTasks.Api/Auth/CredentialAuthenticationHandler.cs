using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OrgTasks.Grains.Identity;

namespace OrgTasks.Api.Auth;

/// <summary>
/// Reads the credential from the bearer header (first) or the session cookie, and verifies it as the silo's call gate
/// does (<see cref="CredentialVerifier"/>: signature, signing key, expiry, revocation). A refusal answers 401 with
/// problem details saying why: missing, bad signature, expired, revoked.
/// </summary>
public sealed class CredentialAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    CredentialVerifier verifier, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>Why the credential was refused, for the challenge (the request's own item, so nothing is shared).</summary>
    private const string RefusalItem = "orgtasks.credential.refusal";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = Token(Request, out var source);
        if (token is null) return Task.FromResult(AuthenticateResult.NoResult());
        if (!verifier.TryVerify(token, out var claims, out var reason))
        {
            Context.Items[RefusalItem] = $"the {source} is not a valid credential: {reason}";
            return Task.FromResult(AuthenticateResult.Fail(reason));
        }
        var principal = new ClaimsPrincipal(new CredentialIdentity(token, claims));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var why = Context.Items[RefusalItem] as string
            ?? $"no credential: send 'Authorization: Bearer <credential>' or sign in with POST /api/v1/session (cookie {CredentialAuthentication.CookieName})";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers[HeaderNames.WWWAuthenticate] = Context.Items.ContainsKey(RefusalItem) ? "Bearer error=\"invalid_token\"" : "Bearer";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = StatusCodes.Status401Unauthorized, Title = "Not signed in", Detail = why },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = "Not allowed", Detail = $"{Context.User.Identity?.Name ?? "this credential"} may not do this" },
        });
    }

    /// <summary>The bearer token, else the cookie; null when the request carries neither.</summary>
    public static string? Token(HttpRequest request, out string source)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            source = "bearer token";
            return header[BearerPrefix.Length..].Trim() is { Length: > 0 } bearer ? bearer : null;
        }
        source = $"cookie {CredentialAuthentication.CookieName}";
        return request.Cookies[CredentialAuthentication.CookieName] is { Length: > 0 } cookie ? cookie : null;
    }
}
