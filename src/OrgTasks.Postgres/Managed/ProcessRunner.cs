using System.Diagnostics;

namespace OrgTasks.Postgres.Managed;

/// <summary>What a finished command said.</summary>
internal readonly record struct ProcessResult(int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Both streams, trimmed, for an error message.</summary>
    public string Said => string.Join("\n", new[] { Output.Trim(), Error.Trim() }.Where(s => s.Length > 0));
}

/// <summary>Runs one command to its end with a deadline, capturing what it prints.</summary>
internal static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(string file, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            // The server's user may not be able to enter the caller's folder (root's home is private): start from /.
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // PostgreSQL's tools answer in the C locale, so what they print can be recognized.
        start.Environment["LC_ALL"] = "C";

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new PostgresSetupException($"could not run {file}: {error.Message}", error);
        }

        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // Only the command this method started is ended, by its own process id.
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new PostgresSetupException($"{Path.GetFileName(file)} did not finish within {timeout.TotalSeconds:0} s");
        }
        return new ProcessResult(process.ExitCode, await output, await errors);
    }
}
