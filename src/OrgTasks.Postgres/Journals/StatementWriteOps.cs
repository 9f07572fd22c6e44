using OrgTasks.Statements;

namespace OrgTasks.Postgres.Journals;

/// <summary>A holder's acceptance of statements; answers, per statement, whether this holder did not have it yet.</summary>
internal sealed class AcceptHopsWrite(string holder, IReadOnlyList<HeldStatement> statements) : PendingWrite<IReadOnlyList<bool>>
{
    public string Holder { get; } = holder;
    public IReadOnlyList<HeldStatement> Statements { get; } = statements;

    /// <summary>Which rows were the first of their hop in the batch (a later repeat is never new).</summary>
    public bool[] First { get; } = new bool[statements.Count];

    private readonly bool[] _fresh = new bool[statements.Count];

    public override int Rows => Statements.Count * 2;

    protected override IReadOnlyList<bool> Result => _fresh;

    public override void AddTo(WriteBatch batch) => batch.Statements.Add(this);

    /// <summary>
    /// New = this caller's row was the one written, by this batch (returned by the insert) or by an earlier one whose
    /// caller was never told (<paramref name="unacknowledged"/>).
    /// </summary>
    public void Resolve(HashSet<(string Statement, string Holder)> inserted, RecentSet<(string, string)>? unacknowledged)
    {
        for (var i = 0; i < Statements.Count; i++)
        {
            var key = (Statements[i].Statement.Id, Holder);
            _fresh[i] = First[i] && (inserted.Contains(key) || unacknowledged?.Remove(key) == true);
        }
    }

    /// <summary>The hops this write asked for, for the writer to remember when their outcome is unknown.</summary>
    public IEnumerable<(string Statement, string Holder)> Keys => Statements.Select(s => (s.Statement.Id, Holder));
}

/// <summary>The next hop acknowledged these statements: they are no longer held by <see cref="Holder"/>.</summary>
internal sealed class PassHopsWrite(string holder, IReadOnlyList<string> statementIds, string passedTo, DateTimeOffset at)
    : PendingWrite<bool>
{
    public string Holder { get; } = holder;
    public IReadOnlyList<string> StatementIds { get; } = statementIds;
    public string PassedTo { get; } = passedTo;
    public DateTimeOffset At { get; } = at;

    public override int Rows => StatementIds.Count;

    protected override bool Result => true;

    public override void AddTo(WriteBatch batch) => batch.Statements.Add(this);
}
