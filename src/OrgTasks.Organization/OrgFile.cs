using OrgTasks.Organization.Building;
using OrgTasks.Organization.Generation;
using OrgTasks.Organization.Loading;
using OrgTasks.Organization.Validation;

namespace OrgTasks.Organization;

/// <summary>
/// Loads an organization file (see shared/ORG-FILE.md): reads the YAML field by field with the line of every
/// value, expands <c>generate</c>, and validates the whole. Every fault is reported, not just the first.
/// </summary>
public static class OrgFile
{
    /// <summary>Field named in errors about the file itself (missing, unreadable).</summary>
    public const string FileField = "(file)";

    /// <summary>
    /// Largest organization file read, in bytes (and characters for text given directly). The million-home sample
    /// is about 1 KB with <c>generate</c>; a city written out agent by agent with every address is a few tens of MB.
    /// Anything larger is refused before it is read into memory.
    /// </summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>Reads and validates the file at <paramref name="path"/>. A file that cannot be read is an error at line 0.</summary>
    public static OrgLoadResult Load(string path)
    {
        string text;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
            {
                return new OrgLoadResult(null, [TooLarge(path, length)]);
            }

            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var error = new OrgError(path, 0, FileField, $"cannot read the organization file '{path}': {exception.Message}");
            return new OrgLoadResult(null, [error]);
        }

        return Parse(text, path);
    }

    /// <summary>Reads and validates YAML text; <paramref name="fileName"/> is only used in error messages.</summary>
    public static OrgLoadResult Parse(string yaml, string fileName)
    {
        if (yaml.Length > MaxFileBytes)
        {
            return new OrgLoadResult(null, [TooLarge(fileName, yaml.Length)]);
        }

        var errors = new ErrorList(fileName);
        var root = YamlText.ReadRoot(yaml, errors);
        if (root is null)
        {
            return new OrgLoadResult(null, errors.InLineOrder());
        }

        var draft = OrgFileReader.Read(root, errors);
        CityGenerator.Expand(draft);
        OrgValidator.Validate(draft, errors);

        // An invalid file yields no organization: nothing half-checked may ever be applied to a cluster.
        var organization = errors.Count == 0 ? SpecBuilder.Build(draft) : null;
        return new OrgLoadResult(organization, errors.InLineOrder());
    }

    private static OrgError TooLarge(string file, long length) =>
        new(file, 1, FileField, $"the file has {length:N0} bytes; an organization file may have at most {MaxFileBytes:N0} (use 'generate' for large cities)");

    /// <summary>The organization in the file at <paramref name="path"/>; throws <see cref="OrgFileException"/> listing every error.</summary>
    public static OrganizationSpec LoadValid(string path)
    {
        var result = Load(path);
        return result.IsValid ? result.Organization! : throw new OrgFileException(result.Errors);
    }
}
