namespace OrgTasks.Cli.Output;

/// <summary>
/// Where a command writes: results to stdout (text, or JSON with <c>--json</c>), everything about the work in
/// progress to stderr, so that <c>orgtasks … | jq</c> and <c>id=$(orgtasks … | tail -1)</c> keep working.
/// </summary>
internal static class Streams
{
    public static TextWriter Out(this ParseResult result) => result.InvocationConfiguration.Output;

    public static TextWriter Err(this ParseResult result) => result.InvocationConfiguration.Error;

    /// <summary>A person is watching stderr: progress can redraw in place instead of printing line after line.</summary>
    public static bool ErrIsTerminal(this ParseResult result) =>
        ReferenceEquals(result.InvocationConfiguration.Error, Console.Error) && !Console.IsErrorRedirected;
}
