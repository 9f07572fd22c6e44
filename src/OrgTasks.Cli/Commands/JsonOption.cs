namespace OrgTasks.Cli.Commands;

/// <summary>The <c>--json</c> switch: the same result as one JSON document on stdout instead of text.</summary>
internal static class JsonOption
{
    public static Option<bool> Create() => new("--json") { Description = "Print the result as JSON on stdout" };
}
