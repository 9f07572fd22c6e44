using System.Security.Cryptography;

namespace OrgTasks.Postgres.Managed;

/// <summary>
/// <c>postgres.pgpass</c> in the data folder: the managed server's two generated passwords (its superuser's and the
/// application role's), in PostgreSQL's passfile format, mode 0600 from its first byte. Connection strings name the
/// file (<c>Passfile=…</c>) instead of carrying a password, so nothing printed or logged holds one; psql reads the same
/// file through <c>PGPASSFILE</c>.
/// </summary>
internal sealed class PasswordFile(string dataDirectory)
{
    public const string Name = "postgres.pgpass";

    /// <summary>32 random bytes as hex: long enough that guessing is out of the question, and no character to quote.</summary>
    private const int PasswordBytes = 32;

    public string Path { get; } = System.IO.Path.Combine(dataDirectory, Name);

    public bool Exists => File.Exists(Path);

    /// <summary>The file's passwords, made and written first when the file does not exist yet.</summary>
    public IReadOnlyDictionary<string, string> EnsurePasswords(params string[] users)
    {
        var known = Read();
        if (users.All(known.ContainsKey)) return known;
        var all = new Dictionary<string, string>(known);
        foreach (var user in users.Where(u => !known.ContainsKey(u))) all[user] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PasswordBytes));
        Write(all);
        return all;
    }

    /// <summary>User → password, from lines <c>*:*:*:user:password</c>; empty when the file does not exist.</summary>
    public IReadOnlyDictionary<string, string> Read()
    {
        var passwords = new Dictionary<string, string>();
        if (!Exists) return passwords;
        foreach (var line in File.ReadAllLines(Path))
        {
            if (line.StartsWith('#') || line.Split(':') is not [_, _, _, var user, var password]) continue;
            passwords[user] = password;
        }
        return passwords;
    }

    private void Write(IReadOnlyDictionary<string, string> passwords)
    {
        var partial = Path + ".partial";
        File.Delete(partial);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(partial, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.WriteLine("# The managed PostgreSQL's generated passwords (OrgTasks). Keep this file 0600; connection strings name it as Passfile.");
            foreach (var (user, password) in passwords) writer.WriteLine($"*:*:*:{user}:{password}");
        }
        File.Move(partial, Path, overwrite: true);
    }
}
