using System.Globalization;
using System.Text.RegularExpressions;
using OrgTasks.Grains;
using OrgTasks.Tests.Organization;

namespace OrgTasks.Tests.Docs;

/// <summary>The README's claims that the code can check: its options table must say what the code does.</summary>
[Trait("Category", "Docs")]
public sealed partial class ReadmeTests
{
    [Fact]
    public void The_options_table_lists_every_option_with_its_default_from_the_code()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var section = readme[readme.IndexOf("## Configuration", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        var documented = Row().Matches(section).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);

        var defaults = new OrgTasksOptions();
        var properties = typeof(OrgTasksOptions).GetProperties().Where(p => p.CanWrite).ToList();
        Assert.Equal(properties.Select(p => p.Name).Order(), documented.Keys.Order());
        foreach (var property in properties)
        {
            var value = property.GetValue(defaults) switch
            {
                TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
                var other => Convert.ToString(other, CultureInfo.InvariantCulture),
            };
            Assert.True(documented[property.Name] == value, $"README says {property.Name} defaults to {documented[property.Name]}; the code says {value}");
        }
    }

    [Fact]
    public void The_quick_start_holds_exactly_two_commands()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        Assert.StartsWith("# OrgTasks", readme);
        var start = readme.IndexOf("## Quick start", StringComparison.Ordinal);
        Assert.True(start > 0 && readme.IndexOf("\n## ", StringComparison.Ordinal) == start - 1, "Quick start is the first section");
        var block = CodeBlock().Match(readme, start);
        var commands = block.Groups["body"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, commands.Length);
        Assert.Contains("dotnet test", commands[1]);
        Assert.Contains(commands[1].Trim(), File.ReadAllText(Path.Combine(RepoPaths.Root, ".ci", "run")));
    }

    [GeneratedRegex(@"^\| `(?<name>[A-Za-z]+)` \| `(?<value>[^`]+)` \|", RegexOptions.Multiline)]
    private static partial Regex Row();

    [GeneratedRegex(@"```bash\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
