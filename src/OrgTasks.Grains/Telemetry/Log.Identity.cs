namespace OrgTasks.Grains;

/// <summary>Log messages of identity and the audit trail. Never a credential, a statement's text or sealed data.</summary>
internal static partial class Log
{
    [LoggerMessage(60, LogLevel.Warning, "{Count} refused call(s) could not be written to the audit trail")]
    public static partial void RefusalsNotRecorded(ILogger logger, Exception error, int count);

    [LoggerMessage(61, LogLevel.Warning, "could not refresh the list of revoked credentials")]
    public static partial void RevocationsRefreshFailed(ILogger logger, Exception error);

    [LoggerMessage(62, LogLevel.Warning, "the signing key file {Path} could not be read again; the keys read before stay in force")]
    public static partial void SigningKeysNotReloaded(ILogger logger, Exception error, string path);
}
