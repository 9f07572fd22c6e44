namespace OrgTasks.Statements;

/// <summary>The part a holder plays on a statement's way up.</summary>
[GenerateSerializer]
public enum HopRole
{
    /// <summary>The author's own unit, or any unit the statement passes through.</summary>
    Unit = 0,
    /// <summary>A unit's appointed contact, carrying it to the unit above.</summary>
    Contact = 1,
    /// <summary>The addressee's inbox: the end of the way.</summary>
    Inbox = 2,
}
