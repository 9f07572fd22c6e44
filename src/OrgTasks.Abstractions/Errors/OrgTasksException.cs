namespace OrgTasks.Errors;

/// <summary>
/// A refusal the caller can act on: an unknown id, a call not allowed for this identity, a bad argument.
/// Clients print its message without a stack trace; nothing was changed when it is thrown.
/// </summary>
[GenerateSerializer]
public class OrgTasksException : Exception
{
    public OrgTasksException(string message) : base(message) { }
    public OrgTasksException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The acting identity may not make this call (missing identity, not the appointed contact, not a member).</summary>
[GenerateSerializer]
public sealed class AccessDeniedException(string message) : OrgTasksException(message);

/// <summary>The unit, agent, statement or leaflet named does not exist (or is not visible to the caller).</summary>
[GenerateSerializer]
public sealed class NotFoundException(string message) : OrgTasksException(message);

/// <summary>The request is malformed or conflicts with the organization (empty text, a scope outside the issuer).</summary>
[GenerateSerializer]
public sealed class InvalidRequestException(string message) : OrgTasksException(message);
