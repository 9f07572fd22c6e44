using OrgTasks.Leaflets;

namespace OrgTasks.Grains;

/// <summary>A unit that issues leaflets (the committee, a central body, or any unit to its own subtree).</summary>
public interface ILeafletIssuer : IGrainWithStringKey
{
    /// <summary>Issues a leaflet to the subtree of the draft's scope; returns its id once it is accepted.</summary>
    [Access(Clients.Operator | Clients.Agent, Relation = "an officer of the issuing unit: the committee's executive or secretary, a group's contact")]
    Task<string> IssueLeaflet(LeafletDraft draft);
}
