namespace OrgTasks.Cli.Hosting;

/// <summary>A command body that needs a connected client; the connection is opened before and closed after it.</summary>
internal delegate Task<int> ClientAction(OrgTasksClient client, ParseResult result, CancellationToken cancellation);

internal static class ClientActions
{
    /// <summary>
    /// Gives <paramref name="command"/> the <c>--gateway</c> and <c>--cluster-id</c> options and runs
    /// <paramref name="action"/> with a client connected through them.
    /// </summary>
    public static void SetClientAction(this Command command, ClientAction action)
    {
        var options = new ClientOptions();
        options.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            await using var connection = await options.ConnectAsync(result, cancellation);
            connection.Client.Retrying = new RetryNotice(result.Err()).Retrying;
            // Orleans calls take no cancellation token: on Ctrl+C stop waiting for the answer rather than for the call.
            return await action(connection.Client, result, cancellation).WaitAsync(cancellation);
        });
    }
}
