using OrgTasks.Client;

namespace OrgTasks.Api.Auth;

/// <summary>
/// The OrgTasks client of one request: the silo's own grain factory with the request's credential. Its calls leave
/// this process's code outside any grain, carrying the credential and no silo proof (see <c>ActorStampFilter</c>), so
/// the call gate decides them exactly as it decides a remote client's: the [Access] matrix, the agent's standing, the
/// grains' own rules, and the audit trail.
/// </summary>
public static class RequestClient
{
    public static OrgTasksClient OrgTasks(this HttpContext context) =>
        new(context.RequestServices.GetRequiredService<IGrainFactory>(), context.Caller().Token);

    /// <summary>The verified credential of the request (the endpoint requires authorization, so there is one).</summary>
    public static CredentialIdentity Caller(this HttpContext context) =>
        context.User.Identities.OfType<CredentialIdentity>().FirstOrDefault()
        ?? throw new InvalidOperationException("an API endpoint ran without the credential scheme; it must require authorization");
}
