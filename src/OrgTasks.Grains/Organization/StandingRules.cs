namespace OrgTasks.Grains.Organization;

/// <summary>What happens to an agent: arrested, released, warned about as a provocateur, cleared.</summary>
public enum StandingEvent
{
    Arrest,
    Release,
    Warn,
    Clear,
}

/// <summary>What an event did to an agent's standing.</summary>
public enum StandingOutcome
{
    Changed,
    /// <summary>Nothing to do: arresting the arrested, releasing the free, warning the warned.</summary>
    Unchanged,
    /// <summary>The event does not fit the agent: a release of an agent held only by a warning, a clear of one under none.</summary>
    Refused,
}

/// <summary>
/// One rule for arrests, releases, warnings and clearances, the same for one agent and for a raid. An arrest and a
/// warning are separate facts. The warning is the stronger state, because it also keeps the agent's statements in
/// quarantine, so an agent both arrested and warned is suspended: arresting a suspect does not end the quarantine,
/// releasing one ends only the arrest, and clearing the warning of an arrested agent leaves the agent arrested.
/// </summary>
public static class StandingRules
{
    /// <summary>
    /// Applies <paramref name="event"/> to <paramref name="life"/>. A refused event changes nothing and says why in
    /// <paramref name="refusal"/>; a single command reports it as an error, a raid passes over that agent.
    /// </summary>
    public static StandingOutcome Apply(OrganizationLife life, string agent, StandingEvent @event, string? reason, out string refusal)
    {
        refusal = "";
        var current = life.Standings.GetValueOrDefault(agent, AgentStanding.Free);
        switch (@event)
        {
            case StandingEvent.Arrest:
                if (current == AgentStanding.Free)
                {
                    life.Standings[agent] = AgentStanding.Arrested;
                    return StandingOutcome.Changed;
                }
                return current == AgentStanding.Suspended && life.ArrestedUnderWarning.Add(agent) ? StandingOutcome.Changed : StandingOutcome.Unchanged;

            case StandingEvent.Release:
                if (current == AgentStanding.Arrested)
                {
                    life.Standings.Remove(agent);
                    return StandingOutcome.Changed;
                }
                if (current == AgentStanding.Free) return StandingOutcome.Unchanged;
                if (life.ArrestedUnderWarning.Remove(agent)) return StandingOutcome.Changed; // still suspended
                refusal = $"agent '{agent}' is under a warning, not arrested: lift it with clear";
                return StandingOutcome.Refused;

            case StandingEvent.Warn:
                if (current == AgentStanding.Suspended) return StandingOutcome.Unchanged;
                if (current == AgentStanding.Arrested) life.ArrestedUnderWarning.Add(agent);
                life.Standings[agent] = AgentStanding.Suspended;
                life.WarningReasons[agent] = (reason ?? "").Trim();
                return StandingOutcome.Changed;

            case StandingEvent.Clear:
                if (current != AgentStanding.Suspended)
                {
                    refusal = $"agent '{agent}' is not under a warning";
                    return StandingOutcome.Refused;
                }
                life.WarningReasons.Remove(agent);
                if (life.ArrestedUnderWarning.Remove(agent)) life.Standings[agent] = AgentStanding.Arrested;
                else life.Standings.Remove(agent);
                return StandingOutcome.Changed;

            default:
                throw new ArgumentOutOfRangeException(nameof(@event), @event, "not a standing event");
        }
    }

    /// <summary>Whether the agent is arrested, whether or not also under a warning.</summary>
    public static bool IsArrested(OrganizationLife life, string agent) =>
        life.Standings.GetValueOrDefault(agent) == AgentStanding.Arrested || life.ArrestedUnderWarning.Contains(agent);
}
