using System.Diagnostics;
using OrgTasks.Organization;

namespace OrgTasks.Cli.OrgFiles;

/// <summary>An organization file loaded and validated, with how long that took (a million-home city takes a moment).</summary>
internal sealed record CheckedOrgFile(string Path, OrgLoadResult Result, TimeSpan LoadTime)
{
    public bool IsValid => Result.IsValid;

    /// <summary>
    /// Loads and validates <paramref name="path"/>. A file that is not there is a plain user error (exit 1), not a
    /// fault in an organization file.
    /// </summary>
    public static CheckedOrgFile Load(string path)
    {
        if (Directory.Exists(path)) throw new CliException($"'{path}' is a folder, not an organization file");
        if (!File.Exists(path)) throw new CliException($"no such file: '{path}'");
        var watch = Stopwatch.StartNew();
        var result = OrgFile.Load(path);
        return new CheckedOrgFile(path, result, watch.Elapsed);
    }

    /// <summary>
    /// The organization, or every error on <paramref name="stderr"/> (one <c>FILE:LINE: field: message</c> per line)
    /// and exit code 2. Nothing that calls this reaches a cluster with an invalid file.
    /// </summary>
    public OrganizationSpec RequireValid(TextWriter stderr, string? consequence = null)
    {
        if (IsValid) return Result.Organization!;
        WriteErrors(stderr);
        throw new CliException($"{Path} is not valid: {Format.Count(Result.Errors.Count)} error(s)"
            + (consequence is null ? "" : "; " + consequence), ExitCodes.InvalidOrgFile);
    }

    public void WriteErrors(TextWriter stderr)
    {
        foreach (var error in Result.Errors) stderr.WriteLine(error);
    }

    /// <summary><c>organization st-petersburg, 24 units, 61 agents, 2,230 homes</c></summary>
    public static string Describe(OrganizationSpec spec) =>
        $"organization {spec.Name}, {Format.Count(spec.UnitCount)} units, {Format.Count(spec.Agents.Count)} agents, {Format.Count(spec.HomeCount)} homes";
}
