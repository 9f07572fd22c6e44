using OrgTasks.Organization;

namespace OrgTasks.Tests.Crash;

/// <summary>Generated cities for the crash tests, with ids of their own so tests never share a unit.</summary>
public static class CrashCity
{
    /// <summary>
    /// districts × 25 factories × 4 groups × 10 distributors × 25 homes: 4 districts make 100,000 homes on 4,000 routes.
    /// The committee has one member, the secretary, who is also its contact.
    /// </summary>
    public static OrganizationSpec Generate(int districts, out string committee)
    {
        var prefix = "k" + Guid.NewGuid().ToString("N")[..8];
        committee = prefix;
        var yaml = $"""
            organization: {prefix}-org
            centre: {"{"} central-committee: {prefix}-cc, central-organ: {prefix}-co {"}"}
            committee:
              id: {prefix}
              contact: {prefix}-secretary
              members:
                - {"{"} agent: {prefix}-secretary, function: secretary {"}"}
            agents:
              - {"{"} id: {prefix}-secretary {"}"}
            generate:
              districts: {districts}
              factories-per-district: 25
              groups-per-factory: 4
              agents-per-group: 10
              homes-per-agent: 25
            """;
        var result = OrgFile.Parse(yaml, $"{prefix}.yaml");
        return result.IsValid ? result.Organization! : throw new InvalidOperationException(string.Join("\n", result.Errors));
    }
}
