using System.Diagnostics;
using OrgTasks.Client;
using OrgTasks.Plan;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;
using OrgTasks.Tests.Journals;
using OrgTasks.Tests.Postgres;

namespace OrgTasks.Tests.Observability;

/// <summary>
/// A statement's trace outlives its silo: the hops that pass it on after a restart read its traceparent from the
/// PostgreSQL journal and add their spans to the trace its author began.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Observability")]
public sealed class StatementTraceRestartTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_statement_held_when_its_silo_stopped_is_passed_on_by_the_next_silo_in_its_own_trace()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var city = TestCity.Create(districts: 1, homesPerAgent: 1);
        await using (var first = await PostgresTestCluster.StartAsync(postgres.ConnectionString, $"svc-{id}", $"cluster-{id}"))
            await new OrgTasksClient(first.Client, TestIdentity.Operator).ApplyAsync(city.Spec);

        // What a silo that stopped while holding it leaves behind: the statement held at its author's group, carrying
        // the traceparent of the span its author began before the stop.
        var trace = ActivityTraceId.CreateRandom();
        var authorSpan = ActivitySpanId.CreateRandom();
        var group = city.Group(1, 1);
        var now = DateTimeOffset.UtcNow;
        var statement = new Statement
        {
            Id = Ids.NewStatementId(),
            Author = city.Distributor(1, 1, 3),
            To = Addressee.Committee,
            Text = "written before the restart",
            WrittenAt = now,
            Kind = StatementKind.Report,
            TraceParent = $"00-{trace}-{authorSpan}-01",
        };
        await using (var journals = JournalSet.Postgres(postgres.ConnectionString))
            await journals.Statements.AcceptAsync(group, [new HeldStatement
            {
                Statement = statement,
                Hop = new StatementHop { StatementId = statement.Id, Holder = group, Role = HopRole.Unit, Unit = group, Contact = city.Distributor(1, 1, 1), AcceptedAt = now },
            }]);

        using var recorder = new SpanRecorder();
        await using var second = await PostgresTestCluster.StartAsync(postgres.ConnectionString, $"svc-{id}", $"cluster-{id}");
        var client = new OrgTasksClient(second.Client, TestIdentity.Operator);
        await client.GetCompositionAsync(group); // wakes the group, which picks up what it held
        var route = await client.DeliveredAsync(statement.Id);

        var spans = await Poll.UntilAsync(() => Task.FromResult(recorder.Tagged("orgtasks.statement.id", statement.Id)),
            s => s.Count(x => x.OperationName == "statement.pass") >= route.Hops.Count - 1, what: "a pass span for every hop after the restart");
        Assert.All(spans, s => Assert.Equal(trace, s.TraceId));
        Assert.All(spans, s => Assert.Equal(authorSpan, s.ParentSpanId));
        Assert.Contains(spans, s => s.OperationName == "statement.pass" && (string?)s.GetTagItem("orgtasks.holder") == group);
        Assert.Contains(spans, s => s.OperationName == "statement.hold" && (string?)s.GetTagItem("orgtasks.holder") == city.Committee);
    }
}
