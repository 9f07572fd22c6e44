using OrgTasks.Grains.Identity;
namespace OrgTasks.Grains.Agents;

/// <summary>The author role: a member writes a statement and hands it to its own unit.</summary>
public sealed partial class AgentGrain
{
    public async Task<string> SendStatement(StatementDraft draft)
    {
        var config = RequireConfig();
        var caller = Callers.Require();
        if (!caller.IsAgent(Id)) throw new AccessDeniedException($"{caller} may not send statements as agent '{Id}'");
        RequireFree(config);
        ArgumentNullException.ThrowIfNull(draft);
        if (string.IsNullOrWhiteSpace(draft.Id)) throw new InvalidRequestException("the statement needs an id");
        if (string.IsNullOrWhiteSpace(draft.Text)) throw new InvalidRequestException("the statement text is empty");
        // A NUL cannot be stored (PostgreSQL text refuses it); refused here, before any hop accepts the statement.
        if (draft.Text.Contains('\0')) throw new InvalidRequestException("the statement text contains a NUL character");
        if (draft.Text.Length > services.Options.MaxStatementLength)
            throw new InvalidRequestException(
                $"the statement text has {draft.Text.Length:N0} characters; at most {services.Options.MaxStatementLength:N0} are accepted");
        if (!config.Addressees.Contains(draft.To))
            throw new InvalidRequestException($"organization '{config.Organization}' has no {Units.UnitGrain.SpellAddressee(draft.To)} to address");

        using var activity = Telemetry.OrgTasksTelemetry.Source.StartActivity("statement.send");
        activity?.SetTag("orgtasks.statement.id", draft.Id);
        activity?.SetTag("orgtasks.to", draft.To.ToString());
        var statement = new Statement
        {
            Id = draft.Id,
            Author = Id,
            To = draft.To,
            Text = draft.Text,
            Kind = draft.Kind,
            WrittenAt = services.Clock.GetUtcNow(),
        };
        // The author's own unit is the first durable hop: once it acknowledges, the statement cannot be lost.
        await GrainFactory.GetUnit(config.HomeUnit).AcceptStatements(null, [statement]);
        return statement.Id;
    }
}
