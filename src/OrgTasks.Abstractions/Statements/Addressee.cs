namespace OrgTasks.Statements;

/// <summary>Who a statement is for: the local committee or, through the committee's contact, a central body.</summary>
[GenerateSerializer]
public enum Addressee
{
    Committee = 0,
    CentralCommittee = 1,
    CentralOrgan = 2,
}

/// <summary>What the letter says members bring up: decisions, desires, requests and reports.</summary>
[GenerateSerializer]
public enum StatementKind
{
    Report = 0,
    Request = 1,
    Desire = 2,
    Decision = 3,
}
