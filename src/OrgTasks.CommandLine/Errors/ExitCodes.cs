namespace OrgTasks.Cli.Errors;

/// <summary>What the process exit code tells a script. Every command returns one of these.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A refusal, a bad option, a missing file, an unreachable cluster: the message says what to change.</summary>
    public const int UserError = 1;

    /// <summary>The organization file has errors; each was printed as <c>FILE:LINE: field: message</c>.</summary>
    public const int InvalidOrgFile = 2;

    /// <summary>A leaflet's deadline passed before every home had it.</summary>
    public const int DeadlinePassed = 3;

    /// <summary>Not allowed: no valid credential, or the credential's holder may not do this (<c>orgtasks: agent:belov may not …</c>).</summary>
    public const int NotAllowed = 4;

    /// <summary>An unexpected failure: a bug in OrgTasks (EX_SOFTWARE from sysexits.h).</summary>
    public const int InternalError = 70;

    /// <summary>Stopped by Ctrl+C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
