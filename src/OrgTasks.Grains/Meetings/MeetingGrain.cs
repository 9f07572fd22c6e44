using OrgTasks.Grains.Identity;
using OrgTasks.Meetings;

namespace OrgTasks.Grains.Meetings;

/// <summary>
/// A secret meeting (key: its id). "Big meetings arranged secretly by the committee, where those present do not learn
/// who represents whom": the committee names the units; each unit's contact gets an invitation saying only the place,
/// the time and its own unit; each unit answers how many will come; only the committee's officers see the counts per
/// unit and who represents which. Everything is decided here from the acting identity, not in the client.
/// </summary>
public sealed class MeetingGrain(
    [PersistentState("meeting", OrgTasksStorage.Name)] IPersistentState<MeetingState> state,
    OrgTasksServices services)
    : Grain, IMeetingGrain, IActingGrain
{
    /// <summary>Longest place text accepted, and most units one meeting may invite.</summary>
    private const int MaxPlace = 500;
    private const int MaxUnits = 1_000;
    private const int MaxComing = 10_000;

    public Actor Actor => Actor.System("meeting:" + this.GetPrimaryKeyString());

    public async Task<MeetingView> Plan(MeetingPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Id != this.GetPrimaryKeyString()) throw new InvalidRequestException($"meeting '{plan.Id}' sent to '{this.GetPrimaryKeyString()}'");
        if (string.IsNullOrWhiteSpace(plan.Place) || plan.Place.Length > MaxPlace || plan.Place.Contains('\0'))
            throw new InvalidRequestException($"the place must be given, at most {MaxPlace} characters, without NUL");
        var invited = (plan.Invited ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (invited.Count == 0) throw new InvalidRequestException("invite at least one unit");
        if (invited.Count > MaxUnits) throw new InvalidRequestException($"{invited.Count:N0} units invited; at most {MaxUnits:N0}");

        var registry = GrainFactory.GetGrain<IOrganizationRegistryGrain>(IOrganizationRegistryGrain.Key);
        var committee = await registry.FindUnit(plan.Committee);
        if (committee is not { Unit.Kind: UnitKind.Committee })
            throw new NotFoundException($"no committee '{plan.Committee}' in any applied organization");
        var committeeConfig = await GrainFactory.GetUnit(committee.Unit).GetConfig();
        RequireOfficer(Callers.Require(), committeeConfig!);
        if (state.State.Plan is not null)
        {
            // A retried plan: the first one stands; invitations that did not arrive are sent again.
            await SendInvitationsAsync();
            return View(whole: true);
        }

        var units = new List<UnitConfig>();
        foreach (var id in invited)
        {
            var location = await registry.FindUnit(id);
            if (location is null || location.Organization != committee.Organization || location.Unit.Kind.IsCentre())
                throw new InvalidRequestException($"'{id}' is not a unit of the organization of '{plan.Committee}'");
            units.Add(await GrainFactory.GetUnit(location.Unit).GetConfig()
                ?? throw new NotFoundException($"no unit '{id}' in any applied organization"));
        }

        state.State = new MeetingState
        {
            Plan = plan with { Invited = invited },
            Organization = committee.Organization,
            Units = units.Select(u => u.Unit).ToList(),
            Contacts = units.ToDictionary(u => u.Unit.Id, u => u.Contact, StringComparer.Ordinal),
        };
        await state.WriteStateAsync(); // recorded before any invitation leaves: a retry finds the plan
        await SendInvitationsAsync();
        return View(whole: true);
    }

    /// <summary>
    /// Each invitation names the place, the time and its own unit only, addressed to the unit's contact, and goes down
    /// the contacts' chain from the committee: each unit on the way hands it to its own child.
    /// </summary>
    private async Task SendInvitationsAsync()
    {
        var plan = state.State.Plan!;
        var pending = state.State.Units.Where(u => !state.State.Delivered.Contains(u.Id)).ToList();
        if (pending.Count == 0) return;
        var tree = (await GrainFactory.GetGrain<IOrganizationGrain>(state.State.Organization).Describe(null))
            .ToDictionary(u => u.Unit.Id, StringComparer.Ordinal);
        foreach (var unit in pending)
        {
            var chain = new List<UnitRef>();
            for (var at = unit.Id; at != plan.Committee && tree.TryGetValue(at, out var summary); at = summary.Parent ?? plan.Committee)
                chain.Insert(0, summary.Unit);
            var contact = state.State.Contacts.GetValueOrDefault(unit.Id, "");
            var invitation = new Notice
            {
                Id = $"meeting:{plan.Id}:{unit.Id}",
                Kind = NoticeKind.Meeting,
                At = services.Clock.GetUtcNow(),
                About = contact,
                Text = $"meeting {plan.Id}: {plan.Place.Trim()} at {plan.At:yyyy-MM-dd HH:mm} UTC; "
                    + $"answer how many of {unit.Id} will come (`orgtasks meeting answer {plan.Id} --unit {unit.Id} --coming N`)",
            };
            await GrainFactory.GetUnit(new UnitRef(plan.Committee, UnitKind.Committee)).PassInvitation(invitation, chain);
            state.State.Delivered.Add(unit.Id);
            await state.WriteStateAsync();
        }
    }

    public async Task<MeetingView> Answer(string unit, int coming)
    {
        var plan = RequirePlan();
        if (coming < 0 || coming > MaxComing) throw new InvalidRequestException($"--coming must be 0 to {MaxComing:N0}");
        var invitedRef = state.State.Units.FirstOrDefault(u => u.Id == unit);
        if (invitedRef.Id is null) throw new NotFoundException($"'{unit}' is not invited to meeting '{plan.Id}'");
        var caller = Callers.Require();
        if (caller.Kind is not (ActorKind.Operator or ActorKind.System))
        {
            // Only the unit's contact (its current one: a replacement after an arrest answers too) speaks for it.
            var config = await GrainFactory.GetUnit(invitedRef).GetConfig();
            if (config is null || !caller.IsAgent(config.Contact))
                throw new AccessDeniedException($"{caller} may not answer for '{unit}': only its contact may");
        }
        state.State.Answers[unit] = new Invitation { Unit = unit, Coming = coming, AnsweredAt = services.Clock.GetUtcNow() };
        await state.WriteStateAsync();
        return caller.Kind is ActorKind.Operator or ActorKind.System ? View(whole: true) : View(whole: false, own: [unit]);
    }

    public async Task<MeetingView> Show()
    {
        RequirePlan();
        var caller = Callers.Require();
        if (caller.Kind is ActorKind.Operator or ActorKind.System) return View(whole: true);
        var committee = await GrainFactory.GetUnit(new UnitRef(state.State.Plan!.Committee, UnitKind.Committee)).GetConfig();
        if (committee is not null && IsOfficer(caller, committee)) return View(whole: true);
        // An attendee: the invitations of the units the caller is a free member of, nothing else.
        var own = new List<string>();
        foreach (var unit in state.State.Units)
        {
            if (await GrainFactory.GetUnit(unit).GetConfig() is { } config && caller.Kind == ActorKind.Agent
                && Officers.IsFreeMember(config, caller.Id)) own.Add(unit.Id);
        }
        if (own.Count == 0) throw new AccessDeniedException($"{caller} is not invited to meeting '{this.GetPrimaryKeyString()}'");
        return View(whole: false, own: own);
    }

    private MeetingView View(bool whole, IReadOnlyList<string>? own = null)
    {
        var plan = state.State.Plan!;
        var units = whole ? plan.Invited : plan.Invited.Where(u => own!.Contains(u)).ToList();
        var invitations = units.Select(u => new Invitation
        {
            Unit = u,
            Contact = whole ? state.State.Contacts.GetValueOrDefault(u) : null,
            Coming = state.State.Answers.GetValueOrDefault(u)?.Coming,
            AnsweredAt = state.State.Answers.GetValueOrDefault(u)?.AnsweredAt,
        }).ToList();
        return new MeetingView
        {
            Id = plan.Id,
            Committee = whole ? plan.Committee : "",
            At = plan.At,
            Place = plan.Place,
            Invitations = invitations,
            Coming = whole ? invitations.Sum(i => i.Coming ?? 0) : null,
            Whole = whole,
        };
    }

    /// <summary>The committee itself, its free members, or an operator acting for it. One method on the acting identity.</summary>
    private static void RequireOfficer(Actor caller, UnitConfig committee)
    {
        if (caller.Kind is ActorKind.Operator or ActorKind.System || IsOfficer(caller, committee)) return;
        throw new AccessDeniedException($"{caller} may not arrange a meeting for '{committee.Unit.Id}': only the committee's officers may");
    }

    private static bool IsOfficer(Actor caller, UnitConfig committee) =>
        caller.IsUnit(committee.Unit.Id)
        || caller.Kind == ActorKind.Agent && Officers.IsFreeMember(committee, caller.Id);

    private MeetingPlan RequirePlan() =>
        state.State.Plan ?? throw new NotFoundException($"no meeting '{this.GetPrimaryKeyString()}'");
}
