using System.Globalization;
using OrgTasks.Grains.Identity;

namespace OrgTasks.Grains.Units;

/// <summary>
/// Regular reports. A report is a statement of kind <see cref="StatementKind.Report"/> written on the unit's behalf by
/// its contact and put into the unit's own statement hop, so it travels up exactly like a statement: stored at every
/// hop, retried until acknowledged, visible as a breach when it is stuck. The addressee notes who reported when; that
/// note lives in memory and is rebuilt from the inbox (which is durable) when it is first asked for.
/// </summary>
public abstract partial class UnitGrain
{
    /// <summary>Most inbox entries read to rebuild the notes: the newest reports of 3,013 units fit many times over.</summary>
    private const int ReportsRebuiltFrom = 50_000;

    private readonly Dictionary<string, ReceivedReport> _reportsIn = new(StringComparer.Ordinal);
    private bool _reportsLoaded;

    public async Task<bool> WriteReport(ReportRequest request)
    {
        var config = RequireConfig();
        var caller = Callers.Require();
        if (caller.Kind is not (ActorKind.System or ActorKind.Operator))
            throw new AccessDeniedException($"{caller} may not ask '{Id}' for a report; the committee's routine does");
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.StatementId)) throw new InvalidRequestException("the report needs an id");
        // Nobody can write for a unit without a free contact: no report, and the routine will flag it overdue.
        if (config.Contact.Length == 0 || config.CutOff || Services.Standings.IsSuspended(config.Contact)) return false;
        var statement = new Statement
        {
            Id = request.StatementId,
            Author = config.Contact,
            To = request.To,
            Kind = StatementKind.Report,
            ReportOf = Id,
            Text = request.Text is { Length: > 0 } text ? text : CompositionAndActivity(config),
            WrittenAt = Services.Clock.GetUtcNow(),
        };
        if (!IsAddressee(statement.To)) RequireWayUp(config, statement);
        await HoldAsync(config, fromChild: null, [statement]);
        return true;
    }

    public async Task<IReadOnlyList<ReceivedReport>> GetReportsReceived()
    {
        var config = RequireConfig();
        RequireInsider(config, "read the reports received by");
        if (!_reportsLoaded)
        {
            foreach (var entry in await Services.Statements.LoadInboxAsync(Id, ReportsRebuiltFrom))
                NoteReportArrived(entry.Statement, entry.ArrivedAt);
            _reportsLoaded = true;
        }
        return _reportsIn.Values.OrderBy(r => r.Unit, StringComparer.Ordinal).ToList();
    }

    /// <summary>Called for every statement that arrives here; keeps the newest report per unit reported on.</summary>
    private void NoteReportArrived(Statement statement, DateTimeOffset arrivedAt)
    {
        if (statement.ReportOf is not { Length: > 0 } unit) return;
        if (_reportsIn.TryGetValue(unit, out var known) && known.WrittenAt >= statement.WrittenAt) return;
        _reportsIn[unit] = new ReceivedReport { Unit = unit, StatementId = statement.Id, WrittenAt = statement.WrittenAt, ArrivedAt = arrivedAt };
    }

    /// <summary>The report's text: the unit's composition and activity, as the unit itself knows them.</summary>
    private string CompositionAndActivity(UnitConfig config)
    {
        var c = CultureInfo.InvariantCulture;
        var lost = config.Lost.Count;
        var lines = new List<string>
        {
            string.Create(c, $"report of {Id} ({config.Unit.Kind.Spelling()}), contact {config.Contact}"),
            string.Create(c, $"members: {config.Members.Count}{(lost > 0 ? $" ({lost} out of action)" : "")}; alternates: {config.Alternates.Count}"),
            string.Create(c, $"routes: {config.Shares.Select(s => s.Route).Distinct().Count()}, homes: {config.OwnHomes}"),
            string.Create(c, $"statements held here: {HeldStatements.Count}; leaflets in hand: {Relay.InHand}"),
        };
        if (config.Delegates.Count > 0) lines.Add(string.Create(c, $"delegates: {config.Delegates.Count}"));
        return string.Join('\n', lines);
    }
}
