namespace OrgTasks.Organization.Loading;

/// <summary>
/// A value read from the file together with where it was written, so that a rule checked long after loading
/// can still name the exact line and field.
/// </summary>
internal readonly record struct Located<T>(T Value, int Line, string Field);
