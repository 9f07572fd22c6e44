using OrgTasks.Organization;
using Xunit;

namespace OrgTasks.Tests.Organization;

/// <summary>Faults of the file as a whole: syntax, emptiness, the wrong top level, a file that cannot be read.</summary>
[Trait("Category", "Organization")]
public sealed class DocumentShapeTests
{
    [Fact]
    public void YAML_syntax_error_is_reported_with_its_line()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              contact: jerjoma
                members: x
            """;

        var error = OrgAssert.SingleError(yaml, 5, "(document)", "YAML syntax error");

        Assert.StartsWith("test.yaml:5: (document): YAML syntax error", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_flow_list_at_end_of_file_is_a_syntax_error_not_a_crash()
    {
        const string yaml = """
            organization: test
            committee: { id: spb, contact: jerjoma, members: [
            """;

        var result = OrgAssert.Parse(yaml);

        var error = Assert.Single(result.Errors);
        Assert.Equal("(document)", error.Field);
        Assert.Contains("YAML syntax error", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Line, 2, 3);
    }

    [Fact]
    public void Duplicate_key_is_reported_with_its_line()
    {
        const string yaml = """
            organization: test
            committee:
              id: spb
              id: spb2
            """;

        OrgAssert.SingleError(yaml, 4, "(document)", "Duplicate key id");
    }

    [Theory]
    [InlineData("")]
    [InlineData("# nothing but a comment\n")]
    public void Empty_file_is_a_clear_error(string yaml)
    {
        OrgAssert.SingleError(yaml, 1, "(document)", "the file is empty", "'organization'", "'committee'");
    }

    [Fact]
    public void Top_level_list_is_an_error_naming_the_expected_keys()
    {
        const string yaml = """
            - organization: test
            - committee: spb
            """;

        OrgAssert.SingleError(yaml, 1, "(document)", "expected an organization file", "'organization'", "found a list");
    }

    [Fact]
    public void Top_level_text_is_an_error()
    {
        OrgAssert.SingleError("just some words", 1, "(document)", "expected an organization file", "found 'just some words'");
    }

    [Fact]
    public void Second_YAML_document_is_an_error()
    {
        const string yaml = """
            organization: one
            ---
            organization: two
            """;

        OrgAssert.SingleError(yaml, 3, "(document)", "2 YAML documents");
    }

    [Fact]
    public void Missing_file_is_an_error_at_line_zero_naming_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-org-{Guid.NewGuid():N}.yaml");

        var result = OrgFile.Load(path);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal(path, error.File);
        Assert.Equal(0, error.Line);
        Assert.Equal("(file)", error.Field);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_valid_throws_listing_every_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"org-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, """
            organization: test
            committee:
              id: spb
              contact: nobody
              members:
                - { agent: jerjoma, function: secretary }
            agents:
              - { id: jerjoma, homes: lots }
            """);
        try
        {
            var exception = Assert.Throws<OrgFileException>(() => OrgFile.LoadValid(path));

            Assert.Equal(2, exception.Errors.Count);
            Assert.Equal(string.Join("\n", exception.Errors), exception.Message);
            Assert.Contains($"{path}:4: committee.contact:", exception.Message, StringComparison.Ordinal);
            Assert.Contains($"{path}:8: agents[0].homes:", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_reads_a_valid_file_from_disk()
    {
        var path = Path.Combine(Path.GetTempPath(), $"org-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, """
            organization: test
            committee:
              id: spb
              contact: jerjoma
              members:
                - { agent: jerjoma, function: secretary }
            agents:
              - { id: jerjoma }
            """);
        try
        {
            var organization = OrgFile.LoadValid(path);

            Assert.Equal("test", organization.Name);
            Assert.Equal("spb", organization.Committee.Id);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
