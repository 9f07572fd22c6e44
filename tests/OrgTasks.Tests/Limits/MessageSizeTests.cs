using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Xunit.Abstractions;
using OrgTasks.Client;
using OrgTasks.Organization;
using OrgTasks.Plan;
using OrgTasks.Tests.Organization;

namespace OrgTasks.Tests.Limits;

/// <summary>
/// The largest legitimate message is <c>Apply(OrganizationPlan)</c> with the whole plan of the million-home city. The
/// message size limit is sized from it (see <see cref="MessageLimits"/>): this measures it again, so that a plan that
/// grows past the limit's headroom fails here and not in a user's <c>org apply</c>.
/// </summary>
[Trait("Category", "Limits")]
public sealed class MessageSizeTests(ITestOutputHelper output)
{
    [Fact]
    public void The_million_home_city_plan_fits_the_message_limit_with_room_to_grow()
    {
        var plan = PlanBuilder.Build(OrgFile.LoadValid(RepoPaths.Sample("city-1m.yaml")));
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        var bytes = serializer.SerializeToArray(plan).Length;
        output.WriteLine($"city-1m plan: {plan.Units.Count:N0} units, {plan.Agents.Count:N0} agents, {bytes:N0} bytes serialized");

        Assert.InRange(bytes, 1, MessageLimits.MaxMessageBodySize / 2);
    }
}
