using System.Globalization;
using System.Text.RegularExpressions;
using OrgTasks.Statements;
using OrgTasks.Tests.Api;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Observability;

/// <summary><c>GET /metrics</c> on the server's HTTP port: OrgTasks' and Orleans' series, in the Prometheus text format.</summary>
[Collection(ApiCollection.Name)]
[Trait("Category", "Observability")]
public sealed partial class MetricsEndpointTests(ApiServerFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task A_scrape_shows_the_statement_series_moving_after_a_statement_and_orleans_own_series()
    {
        using var http = Server.Http(null); // scraped without a credential, as Prometheus does
        var before = await ScrapeAsync(http);
        var city = await Server.CityAsync();
        var id = await Server.Operator.SendStatementAsync(city.Distributor(1, 1, 3), Addressee.Committee, "metrics");
        await Server.Operator.DeliveredAsync(id);

        var after = await Poll.UntilAsync(() => ScrapeAsync(http),
            text => Value(text, "orgtasks_statements_delivered_total") >= Value(before, "orgtasks_statements_delivered_total") + 1
                && Value(text, "orgtasks_statements_passed_total") >= Value(before, "orgtasks_statements_passed_total") + 1,
            what: "the delivered and passed counters to move");
        Assert.True(Value(after, "orgtasks_statements_sent_total") >= 1);
        Assert.Contains("# TYPE orgtasks_statements_hop_duration_milliseconds histogram", after);
        Assert.Matches(OrleansSeries(), after); // Orleans' meter, e.g. its grain call and activation counts
        Assert.DoesNotContain("metrics\"", after); // no statement text in a label
    }

    private static async Task<string> ScrapeAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/metrics");
        await response.ExpectAsync(200);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sum of a series over its labels; 0 when absent.</summary>
    private static double Value(string scrape, string series) =>
        scrape.Split('\n').Where(line => line.StartsWith(series + " ", StringComparison.Ordinal) || line.StartsWith(series + "{", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture));

    [GeneratedRegex(@"(?m)^orleans_\w+")]
    private static partial Regex OrleansSeries();
}
