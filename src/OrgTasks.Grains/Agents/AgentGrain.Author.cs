using Microsoft.Extensions.DependencyInjection;
using OrgTasks.Grains.Checks;
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
        // Refused here, before any hop accepts the statement; every later hop checks the same again (EntryChecks).
        EntryChecks.MessageId(draft.Id, "the statement");
        EntryChecks.Text(draft.Text, "the statement text", services.Options.MaxStatementLength);
        if (!Enum.IsDefined(draft.Kind)) throw new InvalidRequestException("the statement's kind is not one the organization knows");
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
            TraceParent = activity?.Id,
        };
        // An operator writing in an agent's name (for testing) is recorded as such, counted per minute (a load test
        // writes thousands); read before this grain's own calls, which act as the agent.
        var onBehalf = ActorContext.OnBehalf is null ? null : Audit.Auditor.CurrentActor();
        // The author's own unit is the first durable hop: once it acknowledges, the statement cannot be lost.
        await GrainFactory.GetUnit(config.HomeUnit).AcceptStatements(null, [statement]);
        if (onBehalf is not null)
            ServiceProvider.GetRequiredService<RefusalTally>().NoteDone(onBehalf, "statement.send", Id, "statements written in the agent's name");
        return statement.Id;
    }
}
