using Npgsql;

namespace OrgTasks.Tests.Crash;

/// <summary>The delivery records of one leaflet, read straight from PostgreSQL: the effects, not the calls.</summary>
public sealed record Deliveries(long Routes, long Homes, long Duplicates)
{
    public static async Task<Deliveries> ReadAsync(string connectionString, string leafletId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*), coalesce(sum(bit_count(delivered)), 0), coalesce(sum(duplicates), 0) FROM journal_deliveries WHERE leaflet_id = @id",
            connection);
        command.Parameters.AddWithValue("id", leafletId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new Deliveries(reader.GetInt64(0), Convert.ToInt64(reader.GetValue(1)), Convert.ToInt64(reader.GetValue(2)));
    }
}
