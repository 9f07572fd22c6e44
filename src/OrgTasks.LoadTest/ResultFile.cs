using System.Text.Json.Nodes;

namespace OrgTasks.LoadTest;

/// <summary>Writes a load test's JSON object, with the run's context first, to the file <c>--json</c> named.</summary>
internal static class ResultFile
{
    public static void Write(string path, string command, JsonObject results)
    {
        var document = RunContext.Describe(command);
        foreach (var (key, value) in results.ToList())
        {
            results.Remove(key);
            document[key] = value;
        }
        try
        {
            File.WriteAllText(path, document.ToJsonString(Json.Options) + Environment.NewLine);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--json: cannot write '{path}': {error.Message}");
        }
    }
}
