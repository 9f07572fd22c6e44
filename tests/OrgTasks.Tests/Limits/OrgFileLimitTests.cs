using System.Text;
using CsCheck;
using OrgTasks.Organization;
using OrgTasks.Tests.EndToEnd;
using OrgTasks.Tests.Organization;

namespace OrgTasks.Tests.Limits;

/// <summary>
/// The organization-file loader caps what it reads (size, nesting, alias expansion) and never crashes: every input ends
/// in an organization or in errors with a line, quickly.
/// </summary>
[Trait("Category", "Limits")]
public sealed class OrgFileLimitTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orgtasks-limits-").FullName;

    [Fact]
    public void A_file_nested_fifty_thousand_levels_deep_is_an_error_at_its_line()
    {
        var result = OrgFile.Parse(Nested(50_000), "deep.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Null(result.Organization);
        Assert.Equal(65, error.Line); // the 65th opening, on its own line
        Assert.Contains("nested more than 64 levels", error.Message);
    }

    [Fact]
    public void Aliases_that_expand_past_the_cap_are_an_error_at_the_alias()
    {
        // Ten levels of ten aliases each: a few hundred bytes that would expand to ten billion nodes.
        var yaml = new StringBuilder("organization: bomb\nl0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level <= 9; level++)
            yaml.Append($"l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 10))}]\n");

        var result = OrgFile.Parse(yaml.ToString(), "bomb.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Contains("aliases", error.Message);
        Assert.InRange(error.Line, 2, 11);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        var path = Path.Combine(_folder, "huge.yaml");
        using (var file = File.Create(path)) file.SetLength(OrgFile.MaxFileBytes + 1); // sparse: nothing is written

        var result = OrgFile.Load(path);

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("at most 67,108,864", error.Message);
    }

    [Fact]
    public async Task Org_validate_on_a_file_nested_fifty_thousand_levels_exits_2_with_FILE_LINE()
    {
        var path = Path.Combine(_folder, "deep.yaml");
        await File.WriteAllTextAsync(path, Nested(50_000));

        var run = await OrgTasksProcess.RunAsync("org", "validate", path);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.False(run.HasStackTrace, run.ToString());
        Assert.Contains(run.StderrLines, line => line.StartsWith($"{path}:65:", StringComparison.Ordinal) && line.Contains("nested more than 64 levels"));
    }

    /// <summary>
    /// Property: the real sample file with random damage (characters changed, inserted, deleted, lines repeated, brackets
    /// opened) loads to an organization or to errors, each with a line inside the file, and never throws.
    /// </summary>
    [Fact]
    public void Damaged_organization_files_always_load_to_an_organization_or_to_located_errors()
    {
        var sample = File.ReadAllText(RepoPaths.Sample("st-petersburg.yaml"));
        var lines = sample.Count(c => c == '\n') + 2;
        var damage = Gen.Select(Gen.Int[0, 4], Gen.Int[0, sample.Length - 1], Gen.Int[1, 60], Gen.Char["[]{}:-&*!|>'\"#,\n \t\0aZ9"]);
        var damages = damage.Array[1, 12];

        damages.Sample(changes =>
        {
            var text = new StringBuilder(sample);
            foreach (var (kind, at, length, c) in changes)
            {
                var position = Math.Min(at, text.Length);
                switch (kind)
                {
                    case 0: if (position < text.Length) text[position] = c; break;
                    case 1: text.Insert(position, c); break;
                    case 2: text.Remove(position, Math.Min(length, text.Length - position)); break;
                    case 3: text.Insert(position, new string('[', length * 20)); break;
                    default: text.Insert(position, text.ToString(position, Math.Min(length, text.Length - position))); break;
                }
            }
            var yaml = text.ToString();
            var result = OrgFile.Parse(yaml, "damaged.yaml");
            Assert.True(result.IsValid == (result.Organization is not null));
            Assert.True(result.IsValid || result.Errors.Count > 0);
            var maxLine = yaml.Count(c => c == '\n') + 2 + lines;
            Assert.All(result.Errors, error => Assert.InRange(error.Line, 0, maxLine));
            Assert.All(result.Errors, error => Assert.False(string.IsNullOrWhiteSpace(error.Message)));
        }, iter: 1_000, threads: 1);
    }

    /// <summary>Property: any text at all (random characters, random nesting) loads without throwing, to errors with lines.</summary>
    [Fact]
    public void Arbitrary_text_never_crashes_the_loader()
    {
        var text = Gen.String[Gen.Char["abc:-[]{}&*!|>#,'\"\n \t?%@`\\0123456789"], 0, 3_000];
        text.Sample(yaml =>
        {
            var result = OrgFile.Parse(yaml, "random.yaml");
            Assert.True(result.IsValid || result.Errors.Count > 0);
            Assert.All(result.Errors, error => Assert.InRange(error.Line, 0, yaml.Count(c => c == '\n') + 2));
        }, iter: 3_000, threads: 1);
    }

    /// <summary>Sequences nested <paramref name="depth"/> levels, one opening per line: <c>[\n[\n[ … ]]]</c>.</summary>
    private static string Nested(int depth)
    {
        var yaml = new StringBuilder(depth * 8);
        yaml.Append("[\n");
        for (var level = 1; level < depth; level++) yaml.Append("[\n");
        for (var level = 0; level < depth; level++) yaml.Append(']');
        yaml.Append('\n');
        return yaml.ToString();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
