namespace OrgTasks.Organization;

/// <summary>
/// The <c>generate</c> section: a synthetic city of districts, factories, distribution groups and
/// distributors under the committee, for demos and load tests.
/// </summary>
public sealed record GenerateSpec(int Districts, int FactoriesPerDistrict, int GroupsPerFactory, int AgentsPerGroup, int HomesPerAgent)
{
    public long FactoryCount => (long)Districts * FactoriesPerDistrict;

    public long DistributionGroupCount => FactoryCount * GroupsPerFactory;

    /// <summary>Distributors plus two couriers for every district and every factory.</summary>
    public long AgentCount => DistributionGroupCount * AgentsPerGroup + 2L * (Districts + FactoryCount);

    public long GroupCount => Districts + FactoryCount + DistributionGroupCount;

    public long HomeCount => DistributionGroupCount * AgentsPerGroup * HomesPerAgent;
}
