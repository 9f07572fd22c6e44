using OrgTasks.Tests.Infrastructure;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using OrgTasks.Postgres.Managed;

namespace OrgTasks.Tests.Postgres;

[Trait("Category", "Postgres")]
public sealed class ManagedPostgresTests
{
    [Fact]
    public async Task Start_stop_and_status_follow_the_server_and_a_restart_keeps_its_port_and_its_data()
    {
        await using var scratch = new ManagedServerFolder();
        var server = scratch.Server;
        Assert.False((await server.GetStatusAsync()).Initialized);

        Assert.True(await server.StartAsync());
        var running = await server.GetStatusAsync();
        Assert.True(running is { Initialized: true, Running: true, Port: > 0, Version: > 0 });
        Assert.Equal(scratch.Folder, running.DataDirectory);
        Assert.Equal(Path.Combine(scratch.Folder, "postgres"), running.ClusterDirectory);
        await Sql.ExecuteAsync(server.ConnectionString(), "CREATE TABLE kept (word text); INSERT INTO kept VALUES ('iskra')");

        Assert.True(await server.StopAsync());
        var stopped = await server.GetStatusAsync();
        Assert.False(stopped.Running);
        Assert.Equal(running.Port, stopped.Port);
        Assert.False(await server.StopAsync());

        var later = scratch.Open();
        Assert.True(await later.StartAsync());
        Assert.Equal(running.Port, later.Port);
        Assert.Equal(running.ConnectionString, later.ConnectionString());
        Assert.Equal("iskra", await Sql.ScalarAsync<string>(later.ConnectionString(), "SELECT word FROM kept"));
    }

    [Fact]
    public async Task Starting_a_running_server_leaves_it_running_and_says_it_did_not_start_it()
    {
        await using var scratch = new ManagedServerFolder();
        Assert.True(await scratch.Server.StartAsync());

        Assert.False(await scratch.Open().StartAsync());
        Assert.True((await scratch.Server.GetStatusAsync()).Running);
    }

    [Fact]
    public async Task The_server_listens_on_loopback_and_a_socket_in_its_own_folder_with_the_orgtasks_database_and_no_password_in_its_connection_string()
    {
        await using var scratch = new ManagedServerFolder();
        await scratch.Server.StartAsync();
        var connection = scratch.Server.ConnectionString();

        // The server's own settings are the superuser's to read.
        Assert.Equal("127.0.0.1", await Sql.ScalarAsync<string>(scratch.Server.AdminConnectionString(), "SHOW listen_addresses"));
        Assert.Equal(scratch.Server.ClusterDirectory, await Sql.ScalarAsync<string>(scratch.Server.AdminConnectionString(), "SHOW unix_socket_directories"));
        Assert.True(File.Exists(Path.Combine(scratch.Server.ClusterDirectory, $".s.PGSQL.{scratch.Server.Port}")));
        Assert.Equal("orgtasks", await Sql.ScalarAsync<string>(connection, "SELECT current_database()"));
        var parsed = new NpgsqlConnectionStringBuilder(connection);
        Assert.Equal(("127.0.0.1", null as string), (parsed.Host, parsed.Password));
        Assert.DoesNotContain("password", connection, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_remembered_port_taken_by_another_program_moves_to_a_free_one_and_is_remembered()
    {
        await using var scratch = new ManagedServerFolder();
        await scratch.Server.StartAsync();
        var port = scratch.Server.Port!.Value;
        await scratch.Server.StopAsync();

        using (var squatter = new TcpListener(IPAddress.Loopback, port))
        {
            squatter.Start();
            await scratch.Server.StartAsync();
        }

        Assert.NotEqual(port, scratch.Server.Port);
        Assert.Equal(scratch.Server.Port, scratch.Open().Port);
        Assert.Equal(1, await Sql.ScalarAsync<int>(scratch.Server.ConnectionString(), "SELECT 1"));
    }

    [Fact]
    public async Task Without_postgresql_installed_the_error_says_how_to_install_it()
    {
        await using var scratch = new ManagedServerFolder();
        var bare = new ManagedPostgres(scratch.Folder, search: PostgresSearch.Nowhere);

        var error = await Assert.ThrowsAsync<PostgresSetupException>(() => bare.StartAsync());

        Assert.Contains("apt-get install -y postgresql", error.Message);
        Assert.False((await bare.GetStatusAsync()).Initialized);
    }

    [Fact]
    public void The_data_folder_given_on_the_command_line_wins_and_is_made_absolute()
    {
        Assert.Equal(Path.GetFullPath("some/where"), OrgTasksDataFolder.Resolve("some/where"));
        Assert.True(Path.IsPathRooted(OrgTasksDataFolder.Resolve(null)));
    }
}
