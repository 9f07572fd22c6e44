namespace OrgTasks.Postgres.Schema;

/// <summary>One step of the schema: <c>Schema/NNN_name.sql</c>, applied once, in order of its number.</summary>
/// <param name="Version">The file's number: the schema's version once it is applied.</param>
/// <param name="Name">The rest of the file's name, recorded beside the version.</param>
/// <param name="Sql">The statements, run in one transaction.</param>
public sealed record Migration(int Version, string Name, string Sql);
