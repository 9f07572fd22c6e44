namespace OrgTasks.Tests.EndToEnd;

/// <summary>What one run of the <c>orgtasks</c> process left behind: its exit code and both streams.</summary>
public sealed record CliRun(IReadOnlyList<string> Arguments, int ExitCode, string Stdout, string Stderr)
{
    public IReadOnlyList<string> StdoutLines => Lines(Stdout);

    public IReadOnlyList<string> StderrLines => Lines(Stderr);

    /// <summary>The last non-empty stdout line: where <c>statement send</c> and <c>leaflet issue</c> put the id.</summary>
    public string LastLine => StdoutLines.Count > 0 ? StdoutLines[^1] : "";

    /// <summary>A .NET stack trace has lines that start with "   at "; a user error must never show one.</summary>
    public bool HasStackTrace =>
        StderrLines.Concat(StdoutLines).Any(line => line.StartsWith("   at ", StringComparison.Ordinal));

    /// <summary>Everything needed to see why an assertion on this run failed.</summary>
    public override string ToString() =>
        $"orgtasks {string.Join(' ', Arguments)}\nexit code: {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";

    private static IReadOnlyList<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
