using OrgTasks.Grains.Identity;

namespace OrgTasks.Grains.Units;

/// <summary>
/// A meeting invitation goes down the contacts' chain: from the committee to the district, to the factory, to the
/// invited group, each unit handing it to its own child, the way word passes between contacts. Only the invited unit
/// pins it (for its contact); the units on the way keep nothing, and learn only that a unit below them is invited.
/// </summary>
public abstract partial class UnitGrain
{
    public async Task PassInvitation(Notice invitation, IReadOnlyList<UnitRef> below)
    {
        var config = RequireConfig();
        var caller = Callers.Require();
        ArgumentNullException.ThrowIfNull(invitation);
        ArgumentNullException.ThrowIfNull(below);
        if (caller.Kind is not (ActorKind.System or ActorKind.Operator) && !(config.Parent is { } parent && caller.IsUnit(parent.Id)))
            throw new AccessDeniedException($"{caller} may not pass an invitation to '{Id}': only the unit above it may");
        if (invitation.Kind != NoticeKind.Meeting) throw new InvalidRequestException("only meeting invitations travel down the contacts' chain");
        if (below.Count == 0)
        {
            await PinAsync(invitation);
            return;
        }
        var next = below[0];
        if (config.Children.All(c => c.Unit.Id != next.Id))
            throw new InvalidRequestException($"'{next.Id}' is not a unit directly below '{Id}'");
        await GrainFactory.GetUnit(next).PassInvitation(invitation, below.Skip(1).ToList());
    }
}
