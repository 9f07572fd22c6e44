using OrgTasks.Api.Errors;
using OrgTasks.Grains.Identity;

namespace OrgTasks.Api.Auth;

/// <summary>
/// Signing in and out of the web pages: <c>POST /api/v1/session</c> with <c>{"credential": "…"}</c> verifies the
/// credential and sets it as the <see cref="CredentialAuthentication.CookieName"/> cookie (HttpOnly, so page scripts
/// cannot read it; SameSite=Strict, so other sites' pages cannot send it; Secure when the server speaks TLS; expiring
/// with the credential). <c>DELETE</c> removes it; <c>GET</c> says who is signed in.
/// </summary>
public static class SessionEndpoints
{
    public sealed record SignIn(string? Credential);

    public sealed record Session(string Subject, string Role, string Organization, string CredentialId, DateTimeOffset ExpiresAt);

    public static void MapSession(this RouteGroupBuilder api)
    {
        var session = api.MapGroup("/session").WithTags("Session");
        session.MapPost("", (SignIn body, HttpContext context, CredentialVerifier verifier) =>
        {
            if (string.IsNullOrWhiteSpace(body.Credential)) return Problems.Field("credential", "is missing");
            if (!verifier.TryVerify(body.Credential.Trim(), out var claims, out var reason))
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in", detail: $"credential: {reason}");
            context.Response.Cookies.Append(CredentialAuthentication.CookieName, body.Credential.Trim(), new CookieOptions
            {
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Strict,
                Path = "/",
                Expires = claims.ExpiresAt,
                IsEssential = true,
            });
            return Results.Ok(Describe(claims));
        }).AllowAnonymous().WithSummary("Sign in: set the credential cookie for the web pages");

        session.MapDelete("", (HttpContext context) =>
        {
            context.Response.Cookies.Delete(CredentialAuthentication.CookieName, new CookieOptions
            {
                HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Strict, Path = "/",
            });
            return TypedResults.NoContent();
        }).AllowAnonymous().WithSummary("Sign out: remove the credential cookie");

        session.MapGet("", (HttpContext context) => TypedResults.Ok(Describe(context.Caller().Credential)))
            .WithSummary("Who is signed in");
    }

    private static Session Describe(CredentialClaims claims) =>
        new(claims.Subject, claims.Role.ToString().ToLowerInvariant(), claims.Organization, claims.Id, claims.ExpiresAt);
}
