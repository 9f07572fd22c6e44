using OrgTasks.Leaflets;
using OrgTasks.Plan;
using OrgTasks.Statements;

namespace OrgTasks.Grains;

/// <summary>A member who writes statements. Only the agent itself may send as itself.</summary>
public interface IStatementAuthor : IGrainWithStringKey
{
    /// <summary>Writes a statement and hands it to the agent's own unit; returns its id once that unit has stored it.</summary>
    [Access(Clients.Agent, Relation = "the agent itself")]
    Task<string> SendStatement(StatementDraft draft);
}

/// <summary>A unit's appointed contact: the one person who carries its statements to the unit above.</summary>
public interface IContact : IGrainWithStringKey
{
    /// <summary>
    /// Takes statements from <paramref name="unit"/> (whose contact this agent is) to carry up to <paramref name="to"/>.
    /// Acknowledged once stored; the contact then passes them on by itself, retrying until the next hop acknowledges.
    /// The list is never changed once sent, hence <see cref="ImmutableAttribute">[Immutable]</see> (as for <see cref="IStatementHop.AcceptStatements"/>).
    /// </summary>
    [Access(Clients.None)]
    Task TransmitStatements(UnitRef unit, UnitRef to, [Immutable] IReadOnlyList<Statement> statements);

    /// <summary>Statements this contact holds, not yet acknowledged by the unit above.</summary>
    [Access(Clients.Operator | Clients.Agent, Relation = "the agent itself: a contact sees what it holds")]
    Task<IReadOnlyList<HeldStatement>> GetHeld();

    /// <summary>
    /// The statements this agent holds for <paramref name="unit"/> although it no longer carries for it (arrested,
    /// suspended, or replaced): the unit hands them to its new contact, then confirms with <see cref="ConfirmSurrendered"/>.
    /// Only the unit itself may ask.
    /// </summary>
    [Access(Clients.None)]
    Task<IReadOnlyList<HeldStatement>> SurrenderHeld(UnitRef unit);

    /// <summary>The new contact has stored these statements: they are no longer held here.</summary>
    [Access(Clients.None)]
    Task ConfirmSurrendered(UnitRef unit, IReadOnlyList<string> statementIds, string newContact);
}

/// <summary>A distributor: delivers a leaflet to every home on its route, each home once.</summary>
public interface IDistributor : IGrainWithStringKey
{
    /// <summary>
    /// Delivers the leaflet to the homes of <paramref name="share"/> not yet reached and records them; a repeat finds the
    /// record and delivers nothing again. Called by a unit this agent is a member of: normally the agent's own route,
    /// or a share of the route of a member who is out of action.
    /// </summary>
    [Access(Clients.None)]
    Task<RouteDelivery> DeliverRoute(Leaflet leaflet, RouteShare share);

    /// <summary>
    /// Sends this distributor out with <paramref name="share"/>, one-way: it delivers as <see cref="DeliverRoute"/> does,
    /// then tells the unit that sent it (<see cref="ILeafletReceiver.RouteDelivered"/>, or in the same silo without a
    /// message). The delivery record is the proof of delivery, so no reply is sent: a citywide leaflet needs one message
    /// per distributor instead of two. A unit that hears nothing in time asks again with <see cref="DeliverRoute"/>.
    /// </summary>
    [Access(Clients.None), OneWay]
    Task SendOut(Leaflet leaflet, RouteShare share);

    /// <summary>The leaflets open at this agent's units that its route must still have, oldest first.</summary>
    [Access(Clients.Agent, Relation = "the agent itself")]
    Task<IReadOnlyList<AgentLeaflet>> GetLeaflets();
}

/// <summary>An agent: a person of the organization. Every agent is a grain, keyed by its id from the organization file.</summary>
public interface IAgentGrain : IGrainWithStringKey, IStatementAuthor, IContact, IDistributor
{
    [Access(Clients.None)]
    Task Configure(AgentConfig config);
    [Access(Clients.None)]
    Task Dissolve();
    [Access(Clients.Operator | Clients.Agent, Relation = "the agent itself")]
    Task<AgentConfig?> GetConfig();
}
