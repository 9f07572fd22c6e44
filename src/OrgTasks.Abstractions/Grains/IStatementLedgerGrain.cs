using OrgTasks.Statements;

namespace OrgTasks.Grains;

/// <summary>Reads statement routes from the hop records (a stateless worker: any silo answers).</summary>
public interface IStatementLedgerGrain : IGrainWithIntegerKey
{
    [Access(Clients.Operator | Clients.Agent, Relation = "the statement's author")]
    Task<StatementRoute> GetRoute(string statementId);

    /// <summary>Statements held longer than the breach limit anywhere in the organization, oldest first.</summary>
    [Access(Clients.Operator)]
    Task<IReadOnlyList<Breach>> GetBreaches();

    /// <summary>
    /// Statements addressed to <paramref name="unit"/> (a committee or a central body) that are held on their way in
    /// quarantine, with the date of the warning about their author. Callers: operators, the unit itself and its officers
    /// (who read its inbox).
    /// </summary>
    [Access(Clients.Operator | Clients.Agent, Relation = "an officer of the unit")]
    Task<IReadOnlyList<QuarantinedStatement>> GetQuarantined(string unit);
}
