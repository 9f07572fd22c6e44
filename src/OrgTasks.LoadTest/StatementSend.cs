namespace OrgTasks.LoadTest;

/// <summary>One statement the load test sent: when, and (once checked) when it arrived and how many times.</summary>
internal sealed class StatementSend(string id, string author, DateTimeOffset sentAt)
{
    public string Id { get; } = id;
    public string Author { get; } = author;
    public DateTimeOffset SentAt { get; } = sentAt;

    /// <summary>When the addressee's inbox stored it; null while not (yet) there.</summary>
    public DateTimeOffset? ArrivedAt { get; set; }

    /// <summary>Inbox records of this statement: 1 is right, 0 is lost, 2 or more is doubled.</summary>
    public int Arrivals { get; set; }
}
