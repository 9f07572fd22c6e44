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
}
