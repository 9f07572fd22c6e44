using System.Runtime.CompilerServices;
using OrgTasks.Identity;
using OrgTasks.Grains.Identity;

namespace OrgTasks.Tests.Infrastructure;

/// <summary>
/// Identity for the test run: one configuration folder of its own (signing keys and the operator's credential), so that
/// the suite never reads or writes the user's. Every silo the tests start, in-process or as a real process, and every
/// CLI command they run, uses it through <c>ORGTASKS_CONFIG</c>, as silos and commands on one machine do.
/// </summary>
public static class TestIdentity
{
    public static string ConfigFolder { get; } = Path.Combine(Path.GetTempPath(), $"orgtasks-tests-config-{Environment.ProcessId}");

    [ModuleInitializer]
    internal static void UseTestConfigFolder()
    {
        Environment.SetEnvironmentVariable(OrgTasksConfigFolder.EnvironmentVariable, ConfigFolder);
        Environment.SetEnvironmentVariable(OrgTasks.Client.Connection.CredentialFile.EnvironmentVariable, null);
        // The local CA a first silo would make: made now, so that no test depends on another having started a silo first.
        OrgTasks.Silo.Links.LocalCertificateAuthority.Ensure(OrgTasks.Links.LocalTlsFolder.Default);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(ConfigFolder, recursive: true); }
            catch (IOException) { } // a child process may still hold it; the temp folder is cleaned by the system anyway
        };
    }

    /// <summary>The signing keys every silo of the test run shares (made on first use, as a first silo does).</summary>
    public static SigningKeyRing Keys => LazyKeys.Value;

    private static readonly Lazy<SigningKeyRing> LazyKeys = new(() => SigningKeyRing.LoadOrCreate(OrgTasksConfigFolder.DefaultSigningKeysFile));

    private static readonly Lazy<string> LazyOperator = new(() => Sign("test", CredentialRole.Operator, CredentialClaims.AnyOrganization, TimeSpan.FromDays(1)));

    /// <summary>An operator's credential for in-process clients.</summary>
    public static string Operator => LazyOperator.Value;

    /// <summary>An agent's credential, signed directly with the keys (the credential authority is tested on its own).</summary>
    public static string Agent(string agent, string organization, TimeSpan? lifetime = null) =>
        Sign(agent, CredentialRole.Agent, organization, lifetime ?? TimeSpan.FromDays(1));

    public static string Sign(string subject, CredentialRole role, string organization, TimeSpan lifetime, SigningKeyRing? keys = null)
    {
        var now = DateTimeOffset.UtcNow;
        return (keys ?? Keys).Sign(new CredentialClaims
        {
            Id = CredentialAuthorityGrain.NewId(),
            Subject = subject,
            Role = role,
            Organization = organization,
            IssuedAt = now,
            ExpiresAt = now + lifetime,
        });
    }
}

public static class TestHooksAccess
{
    /// <summary>The test host calls its silos' hooks through its client, without a credential: let those through.</summary>
    public static void AllowTestHooks(this Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
        Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions.Configure<CallGateOptions>(services, o => o.ClientPlumbing.Add("ITestHooks"));
}
