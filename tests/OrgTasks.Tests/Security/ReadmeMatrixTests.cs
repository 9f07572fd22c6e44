using OrgTasks.Identity;
using OrgTasks.Tests.Organization;

namespace OrgTasks.Tests.Security;

/// <summary>The README's need-to-know matrix says what the code's [Access] declarations say, row by row.</summary>
[Trait("Category", "Security")]
public sealed class ReadmeMatrixTests
{
    [Fact]
    public void The_readme_matrix_lists_every_method_open_to_clients_with_its_declared_access()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var start = readme.IndexOf("<!-- matrix:start -->", StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- matrix:end -->", StringComparison.Ordinal);
        Assert.True(start > 0 && end > start, "the README has no matrix between its markers");
        var rows = readme[start..end].Split('\n')
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(c => c[1].Trim('`'), c => (Operator: c[2], Agent: c[3]));

        var expected = GrainSurface.Methods
            .Select(m => (Name: GrainSurface.Name(m), Access: GrainSurface.Access(m)!))
            .Where(m => m.Access.Clients != Clients.None)
            .ToDictionary(
                m => m.Name,
                m => (Operator: m.Access.Clients.HasFlag(Clients.Operator) ? "yes" : "no",
                      Agent: m.Access.Clients.HasFlag(Clients.Agent) ? m.Access.Relation : "no"));

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        foreach (var (method, access) in expected) Assert.Equal((method, access), (method, rows[method]));
    }
}
