using System.Text;
using OrgTasks.Organization.Drafts;
using OrgTasks.Organization.Loading;

namespace OrgTasks.Organization.Validation;

/// <summary>
/// A home is on one route only, or a leaflet would reach it twice and coverage would count it twice.
/// Addresses are compared ignoring letter case and runs of white space ("Putilovsky 4" = "putilovsky  4").
/// A written address may also not take the form of another agent's counted home (<c>olya: home 3</c>).
/// </summary>
internal static class HomeRules
{
    public static void Check(OrgDraft draft, OrgIndex index, ErrorList errors)
    {
        var routes = new Dictionary<string, (AgentDraft Agent, Located<string> Address)>(StringComparer.OrdinalIgnoreCase);
        foreach (var agent in draft.Agents)
        {
            var name = agent.Id?.Value ?? agent.Field;
            foreach (var address in agent.Addresses)
            {
                var key = Normalize(address.Value);
                if (key.Length == 0)
                {
                    errors.Add(address, "an address must not be empty");
                    continue;
                }

                if (routes.TryGetValue(key, out var first))
                {
                    errors.Add(address, ReferenceEquals(first.Agent, agent)
                        ? $"'{address.Value}' is listed twice on the route of '{name}' ({ReferenceList.Lines(first.Address.Line, address.Line)})"
                        : $"'{address.Value}' is on the route of '{first.Agent.Id?.Value}' (line {first.Address.Line}) and of '{name}' (line {address.Line}); a home belongs to one route only");
                    continue;
                }

                routes.Add(key, (agent, address));
                CheckSynthetic(key, address, index, errors);
            }
        }
    }

    private static void CheckSynthetic(string key, Located<string> address, OrgIndex index, ErrorList errors)
    {
        if (SyntheticHomes.TryParse(key, out var owner, out var number)
            && index.Agents.TryGetValue(owner, out var agent)
            && number <= agent.SyntheticHomes)
        {
            errors.Add(
                address,
                $"'{address.Value}' is the address of one of the {agent.SyntheticHomes} counted homes of '{owner}' (line {agent.Line}); "
                + "a home belongs to one route only, so write this address differently");
        }
    }

    private static string Normalize(string address)
    {
        var builder = new StringBuilder(address.Length);
        foreach (var part in address.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(part);
        }

        return builder.ToString();
    }
}
