namespace OrgTasks.Grains.Checks;

/// <summary>
/// The size and shape checks every entry point makes on what it receives, one helper each, so that the first hop and
/// every later hop refuse the same things the same way. A refusal is an <see cref="InvalidRequestException"/> naming
/// the item and the limit; it is thrown before anything is stored, so a refused call changes nothing.
/// </summary>
internal static class EntryChecks
{
    /// <summary>Longest id of a statement or a leaflet (the client makes them). Ids are keys and log fields, not texts.</summary>
    public const int MaxMessageIdLength = 200;

    /// <summary>A non-empty text of at most <paramref name="max"/> characters without NUL (PostgreSQL text refuses NUL).</summary>
    public static void Text(string? text, string what, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new InvalidRequestException($"{what} is empty");
        if (text.Length > max) throw new InvalidRequestException($"{what} has {text.Length:N0} characters; at most {max:N0} are accepted");
        if (text.Contains('\0')) throw new InvalidRequestException($"{what} contains a NUL character");
    }

    /// <summary>A statement's or a leaflet's id: non-empty, short, no NUL or control characters.</summary>
    public static void MessageId(string? id, string what)
    {
        if (string.IsNullOrWhiteSpace(id)) throw new InvalidRequestException($"{what} needs an id");
        if (id.Length > MaxMessageIdLength)
            throw new InvalidRequestException($"{what} id has {id.Length:N0} characters; at most {MaxMessageIdLength} are accepted");
        if (id.Any(char.IsControl)) throw new InvalidRequestException($"{what} id contains a control character");
    }

    /// <summary>A batch of statements as any hop receives it: 1 to the limit per call, each whole and within size.</summary>
    public static void Statements(IReadOnlyList<Statement>? statements, OrgTasksOptions options)
    {
        if (statements is null || statements.Count == 0) throw new InvalidRequestException("the call carries no statements");
        if (statements.Count > options.MaxStatementsPerCall)
            throw new InvalidRequestException($"the call carries {statements.Count:N0} statements; at most {options.MaxStatementsPerCall:N0} per call are accepted");
        foreach (var statement in statements)
        {
            if (statement is null) throw new InvalidRequestException("the call carries an empty statement");
            MessageId(statement.Id, "a statement");
            if (string.IsNullOrWhiteSpace(statement.Author) || statement.Author.Length > MaxMessageIdLength)
                throw new InvalidRequestException($"statement '{statement.Id}' has no valid author");
            if (!Enum.IsDefined(statement.To)) throw new InvalidRequestException($"statement '{statement.Id}' has no valid addressee");
            Text(statement.Text, $"the text of statement '{statement.Id}'", options.MaxStatementLength);
            if (statement.ReportOf is { Length: > MaxMessageIdLength })
                throw new InvalidRequestException($"statement '{statement.Id}' reports on an id longer than {MaxMessageIdLength} characters");
        }
    }

    /// <summary>A leaflet as the issuer makes it and every unit receives it: id, title and text within their limits.</summary>
    public static void Leaflet(string? id, string? title, string? text, OrgTasksOptions options)
    {
        MessageId(id, "the leaflet");
        Text(title, "the leaflet's title", options.MaxLeafletTitleLength);
        Text(text, "the leaflet's text", options.MaxLeafletLength);
    }

    /// <summary>The number of entries a list call asks for.</summary>
    public static void ListLimit(int limit, OrgTasksOptions options)
    {
        if (limit < 1 || limit > options.MaxListLimit)
            throw new InvalidRequestException($"a list of {limit:N0} entries was asked for; ask for 1 to {options.MaxListLimit:N0}");
    }

    /// <summary>A share of a route, before anything is allocated for it: at most the largest route a file may hold.</summary>
    public static void RouteShare(RouteShare share, OrgTasksOptions options)
    {
        if (share.RouteHomes < 0 || share.RouteHomes > options.MaxRouteHomes)
            throw new InvalidRequestException($"route '{share.Route}' is said to have {share.RouteHomes:N0} homes; a route has at most {options.MaxRouteHomes:N0}");
        if (share.From < 0 || share.Count < 0 || (long)share.From + share.Count > share.RouteHomes)
            throw new InvalidRequestException($"homes {share.From}..{(long)share.From + share.Count} are not on route '{share.Route}' ({share.RouteHomes} homes)");
    }
}
