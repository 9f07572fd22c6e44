namespace OrgTasks.Cli.Commands;

/// <summary>The optional <c>UNIT</c> of the routine's commands: a subtree, or every organization when left out.</summary>
internal static class UnitArgument
{
    public static Argument<string?> Create(string description) => new("UNIT")
    {
        Description = description,
        Arity = ArgumentArity.ZeroOrOne,
    };
}
