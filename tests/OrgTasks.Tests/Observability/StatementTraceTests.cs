using OrgTasks.Client;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Observability;

/// <summary>
/// One trace per statement across all its hops, although each hop stores the statement and a pump passes it on later:
/// the statement carries its author's traceparent, and every hop's span is a child of it.
/// </summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Observability")]
public sealed class StatementTraceTests(ClusterFixture fixture)
{
    private OrgTasksClient Client => fixture.Client;

    [Fact]
    public async Task Every_hop_of_a_statement_is_a_span_of_its_one_trace_and_two_statements_have_two_traces()
    {
        using var recorder = new SpanRecorder();
        var city = TestCity.Create(districts: 2, homesPerAgent: 2);
        await Client.ApplyAsync(city.Spec);
        var first = await Client.SendStatementAsync(city.Distributor(1, 1, 3), Addressee.Committee, "first");
        var second = await Client.SendStatementAsync(city.Distributor(2, 2, 3), Addressee.Committee, "second");
        var route = await Client.DeliveredAsync(first);
        await Client.DeliveredAsync(second);

        // The hops' spans end just after each acknowledgement: wait until every hop's pass and hold has been recorded.
        var spans = await Poll.UntilAsync(() => Task.FromResult(recorder.Tagged("orgtasks.statement.id", first)),
            s => s.Count(x => x.OperationName == "statement.hold") >= route.Hops.Count
                && s.Count(x => x.OperationName == "statement.pass") >= route.Hops.Count - 1,
            what: "a span for every hop of the first statement");
        var send = Assert.Single(spans, s => s.OperationName == "statement.send");
        Assert.All(spans, s => Assert.Equal(send.TraceId, s.TraceId));
        Assert.All(spans.Where(s => s != send), s => Assert.Equal(send.SpanId, s.ParentSpanId));
        // Every holder on the route has its span: the author's unit, each contact, each unit above, the inbox.
        var holders = spans.Where(s => s.OperationName == "statement.hold").Select(s => (string?)s.GetTagItem("orgtasks.holder")).ToHashSet();
        Assert.All(route.Hops, hop => Assert.Contains(hop.Holder, holders));

        var other = await Poll.UntilAsync(() => Task.FromResult(recorder.Tagged("orgtasks.statement.id", second)),
            s => s.Any(x => x.OperationName == "statement.send"), what: "the second statement's spans");
        var secondTrace = other.Single(s => s.OperationName == "statement.send").TraceId;
        Assert.NotEqual(send.TraceId, secondTrace);
        Assert.All(other, s => Assert.Equal(secondTrace, s.TraceId));
    }
}
