namespace OrgTasks.Tests.EndToEnd;

/// <summary>What members write is for its addressees: it must never show up in the silo's log or the client's stderr.</summary>
[Collection(SiloProcessCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class SecrecyOfTextsTests(SiloProcessFixture silo)
{
    [Fact]
    public async Task Statement_and_leaflet_texts_never_reach_the_silo_log_or_the_clients_stderr()
    {
        await silo.SampleAppliedAsync();
        var statementText = "secret-statement-" + Guid.NewGuid().ToString("N");
        var leafletText = "secret-leaflet-" + Guid.NewGuid().ToString("N");

        var sent = await silo.RunAsync("statement", "send", "--from", "sasha", "--to", "central-organ", "--text", statementText);
        var issued = await silo.RunAsync("leaflet", "issue", "--from", "spb", "--title", "Secrecy", "--text", leafletText, "--wait");
        var refused = await silo.RunAsync("leaflet", "issue", "--from", "spb/narva", "--scope", "spb", "--title", "Refused", "--text", leafletText);

        CliAssert.Succeeded(sent);
        CliAssert.Succeeded(issued);
        CliAssert.FailedCleanly(refused, 1, "spb/narva");
        foreach (var run in new[] { sent, issued, refused })
        {
            Assert.DoesNotContain(statementText, run.Stderr);
            Assert.DoesNotContain(leafletText, run.Stderr + run.Stdout);
        }
        Assert.DoesNotContain(statementText, silo.Output);
        Assert.DoesNotContain(leafletText, silo.Output);
    }
}
