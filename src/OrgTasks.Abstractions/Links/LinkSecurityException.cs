namespace OrgTasks.Links;

/// <summary>A certificate or key that cannot be used, or is missing; the message names the file. Never crosses a silo.</summary>
public sealed class LinkSecurityException : Exception
{
    public LinkSecurityException(string message) : base(message)
    {
    }

    public LinkSecurityException(string message, Exception inner) : base(message, inner)
    {
    }
}
