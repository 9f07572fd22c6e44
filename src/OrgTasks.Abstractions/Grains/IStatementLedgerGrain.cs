using OrgTasks.Statements;

namespace OrgTasks.Grains;

/// <summary>Reads statement routes from the hop records (a stateless worker: any silo answers).</summary>
public interface IStatementLedgerGrain : IGrainWithIntegerKey
{
    Task<StatementRoute> GetRoute(string statementId);

    /// <summary>Statements held longer than the breach limit anywhere in the organization, oldest first.</summary>
    Task<IReadOnlyList<Breach>> GetBreaches();
}
