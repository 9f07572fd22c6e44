using System.Reflection;

namespace OrgTasks.Tests.Docs;

/// <summary>
/// Every test class carries a <c>Category</c> trait, so that the README's fast subset and any other filter select every
/// test they mean to; and every test is named in one style, a sentence with underscores for spaces.
/// </summary>
[Trait("Category", "Docs")]
public sealed class TestCategoryTests
{
    [Fact]
    public void Every_test_class_names_its_category()
    {
        var uncategorised = typeof(TestCategoryTests).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetMethods().Any(IsTest))
            .Where(t => !Categories(t).Any())
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(uncategorised.Count == 0, "test classes without [Trait(\"Category\", …)]: " + string.Join(", ", uncategorised));
    }

    [Fact]
    public void Every_test_is_named_as_a_sentence_with_underscores()
    {
        var otherStyle = typeof(TestCategoryTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods().Where(IsTest).Select(m => $"{t.Name}.{m.Name}"))
            .Where(name => !name[(name.LastIndexOf('.') + 1)..].Contains('_'))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(otherStyle.Count == 0, "tests not named as a sentence (Like_this_one): " + string.Join(", ", otherStyle));
    }

    private static bool IsTest(MethodInfo method) =>
        method.GetCustomAttributes<FactAttribute>(inherit: true).Any();

    private static IEnumerable<string> Categories(Type type) =>
        type.GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(TraitAttribute) && a.ConstructorArguments.Count == 2
                && (string?)a.ConstructorArguments[0].Value == "Category")
            .Select(a => (string)a.ConstructorArguments[1].Value!);
}
