namespace OrgTasks.Tests.EndToEnd;

/// <summary>The promises every orgtasks run keeps, checked with the whole run in the failure message.</summary>
public static class CliAssert
{
    public static void Succeeded(CliRun run)
    {
        Assert.True(run.ExitCode == 0, $"expected exit code 0\n{run}");
        Assert.False(run.HasStackTrace, $"a successful run printed a stack trace\n{run}");
    }

    /// <summary>A user error: the exit code, one <c>orgtasks: …</c> line on stderr, no stack trace anywhere.</summary>
    public static void FailedCleanly(CliRun run, int exitCode, string messagePart)
    {
        Assert.True(run.ExitCode == exitCode, $"expected exit code {exitCode}\n{run}");
        Assert.False(run.HasStackTrace, $"a user error printed a stack trace\n{run}");
        Assert.True(run.StderrLines.Any(line => line.StartsWith("orgtasks: ", StringComparison.Ordinal) && line.Contains(messagePart, StringComparison.Ordinal)),
            $"expected an 'orgtasks: …{messagePart}…' line on stderr\n{run}");
    }

    public static void Contains(string expected, string actual, CliRun run) =>
        Assert.True(actual.Contains(expected, StringComparison.Ordinal), $"expected to find '{expected}'\n{run}");
}
