namespace OrgTasks.Silo.Hosting;

/// <summary>Where grain state, reminders and the journals live.</summary>
public enum StorageKind
{
    /// <summary>This process's memory: for tests and quick demos. Everything is gone when the silo stops.</summary>
    Memory = 0,
}
