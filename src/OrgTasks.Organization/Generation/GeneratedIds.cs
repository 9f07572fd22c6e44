using System.Globalization;

namespace OrgTasks.Organization.Generation;

/// <summary>
/// Ids of the synthetic city. Numbers are zero-padded to the width of the largest one (at least d01, f001, g1,
/// a01) so that the ids sort in the order they were made.
/// </summary>
internal sealed class GeneratedIds
{
    private readonly string committee;
    private readonly string districtFormat;
    private readonly string factoryFormat;
    private readonly string groupFormat;
    private readonly string agentFormat;

    public GeneratedIds(string committee, GenerateSpec spec)
    {
        this.committee = committee;
        districtFormat = Pad(spec.Districts, 2);
        factoryFormat = Pad(spec.FactoriesPerDistrict, 3);
        groupFormat = Pad(spec.GroupsPerFactory, 1);
        agentFormat = Pad(spec.AgentsPerGroup, 2);
    }

    /// <summary>Label of district <paramref name="district"/> (1-based): <c>d01</c>.</summary>
    public string District(int district) => "d" + Number(district, districtFormat);

    /// <summary>Label of a factory within its district: <c>f001</c>.</summary>
    public string Factory(int factory) => "f" + Number(factory, factoryFormat);

    /// <summary>Label of a distribution group within its factory: <c>g1</c>.</summary>
    public string Group(int group) => "g" + Number(group, groupFormat);

    /// <summary>Label of a distributor within its group: <c>a01</c>.</summary>
    public string Agent(int agent) => "a" + Number(agent, agentFormat);

    /// <summary>Unit id under the committee: <c>spb/d01</c>, <c>spb/d01/f001</c>, <c>spb/d01/f001/g1</c>.</summary>
    public string Unit(params string[] labels) => committee + "/" + string.Join('/', labels);

    /// <summary>Agent id, after the committee's id: <c>spb-d01-c1</c>, <c>spb-d01-f001-c2</c>, <c>spb-d01-f001-g1-a01</c>.</summary>
    public static string AgentId(params string[] labels) => string.Join('-', labels);

    private static string Pad(int largest, int minimumWidth) =>
        "D" + Math.Max(minimumWidth, largest.ToString(CultureInfo.InvariantCulture).Length).ToString(CultureInfo.InvariantCulture);

    private static string Number(int value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
