namespace OrgTasks.Silo.Hosting;

/// <summary>Where grain state, reminders and the journals live.</summary>
public enum StorageKind
{
    /// <summary>This process's memory: for tests and quick demos. Everything is gone when the silo stops.</summary>
    Memory = 0,

    /// <summary>
    /// PostgreSQL: Orleans' ADO.NET clustering, grain storage and reminders on the project's own schema. An external
    /// server when a connection string is given, else the managed server in the data folder.
    /// </summary>
    Postgres = 1,
}
