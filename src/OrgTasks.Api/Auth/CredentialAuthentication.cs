using Microsoft.AspNetCore.Authentication;

namespace OrgTasks.Api.Auth;

/// <summary>
/// The API's one authentication scheme: the organization's credential (the compact signed token of the identity
/// issue), as <c>Authorization: Bearer …</c> or, for the web pages, the <see cref="CookieName"/> cookie that
/// <c>POST /api/v1/session</c> sets. The grains still decide every call by the same credential (see
/// <see cref="RequestClient"/>); this only refuses early, with the reason, what the call gate would refuse anyway.
/// </summary>
public static class CredentialAuthentication
{
    /// <summary>The scheme's name, for <c>RequireAuthorization</c> and <c>AuthenticationSchemes</c>.</summary>
    public const string Scheme = "OrgTasksCredential";

    /// <summary>The cookie a signed-in page carries: HttpOnly, SameSite=Strict, Secure when the server speaks TLS.</summary>
    public const string CookieName = "orgtasks_credential";

    public static IServiceCollection AddCredentialAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme).AddScheme<AuthenticationSchemeOptions, CredentialAuthenticationHandler>(Scheme, null);
        services.AddAuthorization();
        return services;
    }
}
