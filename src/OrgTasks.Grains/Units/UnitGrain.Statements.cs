using OrgTasks.Grains.Checks;
using OrgTasks.Grains.Identity;

namespace OrgTasks.Grains.Units;

/// <summary>The statement hop: accept (durably) from a member or a child's contact, pass on through this unit's contact.</summary>
public abstract partial class UnitGrain
{
    public async Task AcceptStatements(UnitRef? fromChild, IReadOnlyList<Statement> statements)
    {
        var config = RequireConfig();
        var caller = Callers.Require();
        if (fromChild is { } child) RequireContactOf(config, child.Id, caller);
        EntryChecks.Statements(statements, Services.Options);
        if (fromChild is null) RequireMemberAuthor(config, caller, statements);
        await HoldAsync(config, fromChild, statements);
    }

    /// <summary>Stores checked statements as held here (or as arrived, at the addressee) and starts passing them on.</summary>
    private async Task HoldAsync(UnitConfig config, UnitRef? fromChild, IReadOnlyList<Statement> statements)
    {
        var now = Services.Clock.GetUtcNow();
        var held = new List<HeldStatement>(statements.Count);
        foreach (var statement in statements)
        {
            var final = IsAddressee(statement.To);
            if (!final) RequireWayUp(config, statement);
            held.Add(new HeldStatement
            {
                Statement = statement,
                Hop = new StatementHop
                {
                    StatementId = statement.Id,
                    Holder = Id,
                    Role = final ? HopRole.Inbox : HopRole.Unit,
                    Unit = Id,
                    Contact = final ? null : config.Contact,
                    AcceptedAt = now,
                },
            });
        }

        // Stored before acknowledged: once this call returns, the statement cannot be lost here.
        var fresh = await HeldStatements.AcceptAsync(held);
        var passOn = false;
        for (var i = 0; i < held.Count; i++)
        {
            if (!fresh[i]) continue; // a retry of something already accepted: acknowledged, not stored twice
            if (fromChild is null) Telemetry.OrgTasksTelemetry.StatementsSent.Add(1);
            if (held[i].Hop.Role == HopRole.Inbox)
            {
                Telemetry.OrgTasksTelemetry.StatementsDelivered.Add(1);
                NoteReportArrived(held[i].Statement, now);
            }
            else
            {
                passOn = true;
            }
        }
        if (passOn) Kick();
        TellInboxWatchers(fromChild, held, fresh);
    }

    public Task<IReadOnlyList<InboxEntry>> GetInbox(int limit)
    {
        RequireOfficer(RequireConfig(), "read the inbox of");
        EntryChecks.ListLimit(limit, Services.Options);
        return Services.Statements.LoadInboxAsync(Id, limit);
    }

    public Task<IReadOnlyList<HeldStatement>> GetHeld()
    {
        RequireOfficer(RequireConfig(), "read the statements held by");
        return Task.FromResult(HeldStatements.View());
    }

    /// <summary>The unit's officers (see <see cref="Officers"/>), the unit itself, the system and operators; no other agent.</summary>
    private void RequireOfficer(UnitConfig config, string what)
    {
        var caller = Callers.Require();
        if (caller.Kind is ActorKind.Operator or ActorKind.System || caller.IsUnit(Id)) return;
        if (caller.Kind == ActorKind.Agent && Officers.IsOfficer(config, caller.Id)) return;
        throw new AccessDeniedException($"{caller} may not {what} {Id}: only its officers may");
    }

    /// <summary>Is this unit the end of the way for statements to <paramref name="to"/>?</summary>
    protected abstract bool IsAddressee(Addressee to);

    /// <summary>Hands held statements to this unit's contact; returns whether any are left to retry.</summary>
    private async Task<bool> PassStatementsOnAsync()
    {
        if (HeldStatements.Count == 0) return false;
        var config = Config;
        if (config is null || config.Contact.Length == 0) return true; // held: nobody can carry them (visible as a breach)

        var contact = GrainFactory.GetByKey<IAgentGrain>(config.Contact);
        var byTarget = HeldStatements.Passable()
            .Where(h => MayPassOn(config, h.Statement.To))
            .GroupBy(h => NextUnit(config, h.Statement.To))
            .ToList();
        foreach (var group in byTarget)
        {
            if (group.Key is not { } target) continue;
            await HeldStatements.PassAsync(config.Contact, group, batch => contact.TransmitStatements(config.Unit, target, batch));
        }
        return HeldStatements.Count > 0;
    }

    /// <summary>Whether statements to <paramref name="to"/> may leave this unit now (a committee awaiting consent holds those for the centre).</summary>
    protected virtual bool MayPassOn(UnitConfig config, Addressee to) => true;

    /// <summary>The unit the contact carries a statement to: the parent for a group; a central body for the committee.</summary>
    protected virtual UnitRef? NextUnit(UnitConfig config, Addressee to) => config.Parent;

    /// <summary>Refuses a statement this unit could never pass on (no way up to its addressee).</summary>
    private void RequireWayUp(UnitConfig config, Statement statement)
    {
        if (NextUnit(config, statement.To) is null)
            throw new InvalidRequestException(
                $"statement '{statement.Id}' is addressed to the {SpellAddressee(statement.To)}, which {Id} has no way to reach");
    }

    private static void RequireContactOf(UnitConfig config, string child, Actor caller)
    {
        var link = config.Children.FirstOrDefault(c => c.Unit.Id == child)
            ?? throw new AccessDeniedException($"'{child}' is not a unit directly below '{config.Unit.Id}'");
        if (!caller.IsAgent(link.Contact))
            throw new AccessDeniedException(
                $"{caller} may not hand statements of '{child}' to '{config.Unit.Id}': only its appointed contact '{link.Contact}' may");
    }

    private static void RequireMemberAuthor(UnitConfig config, Actor caller, IReadOnlyList<Statement> statements)
    {
        if (caller.Kind != ActorKind.Agent || !config.Members.Contains(caller.Id))
            throw new AccessDeniedException($"{caller} is not a member of '{config.Unit.Id}' and may not hand it statements");
        if (config.Lost.Contains(caller.Id))
            throw new AccessDeniedException($"{caller} is out of action (arrested or suspended) and may not hand statements to '{config.Unit.Id}'");
        foreach (var statement in statements)
        {
            if (statement.Author != caller.Id)
                throw new AccessDeniedException($"{caller} may not hand in statement '{statement.Id}' written by '{statement.Author}'");
        }
    }

    internal static string SpellAddressee(Addressee to) => to switch
    {
        Addressee.CentralCommittee => "Central Committee",
        Addressee.CentralOrgan => "Central Organ",
        _ => "committee",
    };
}
