using System.Numerics;
using OrgTasks.Organization.Drafts;
using OrgTasks.Organization.Generation;
using YamlDotNet.RepresentationModel;

namespace OrgTasks.Organization.Loading;

/// <summary>Reads <c>generate</c>: five positive whole numbers, checked against <see cref="GenerateLimits"/>.</summary>
internal static class GenerateReader
{
    private const string Districts = "districts";
    private const string Factories = "factories-per-district";
    private const string Groups = "groups-per-factory";
    private const string Agents = "agents-per-group";
    private const string Homes = "homes-per-agent";
    private static readonly string[] Keys = [Districts, Factories, Groups, Agents, Homes];

    /// <summary>The section, or null when any field is faulty (each fault is recorded).</summary>
    public static GenerateDraft? Read(YamlNode node, int keyLine, ErrorList errors)
    {
        var generate = MappingReader.Open(node, GenerateDraft.Field, "the synthetic city", Keys, errors);
        if (generate is null)
        {
            return null;
        }

        var values = Keys
            .Select(key => Positive(generate, key, key == Homes ? GenerateLimits.MaxHomesPerAgent : int.MaxValue, errors))
            .ToArray();
        if (values.Any(value => value is null))
        {
            return null;
        }

        var spec = new GenerateSpec(values[0]!.Value, values[1]!.Value, values[2]!.Value, values[3]!.Value, values[4]!.Value);
        return WithinLimits(spec, keyLine, errors) ? new GenerateDraft(spec, keyLine) : null;
    }

    private static int? Positive(MappingReader generate, string key, long max, ErrorList errors)
    {
        var node = generate.Value(key);
        if (node is null)
        {
            errors.Add(generate.Line, generate.FieldOf(key), "is required: a positive whole number");
            return null;
        }

        if (!Nodes.TryWholeNumber(node, out var value) || value == 0)
        {
            errors.Add(YamlText.Line(node), generate.FieldOf(key), $"must be a positive whole number; found {Nodes.Shape(node)}");
            return null;
        }

        if (value > max)
        {
            errors.Add(YamlText.Line(node), generate.FieldOf(key), $"{Nodes.Shape(node)} is too large; at most {Describe.Count(max)}");
            return null;
        }

        return (int)value;
    }

    private static bool WithinLimits(GenerateSpec spec, int line, ErrorList errors)
    {
        // BigInteger because five factors of up to 2^31 overflow any fixed-width integer.
        var groups = (BigInteger)spec.Districts * spec.FactoriesPerDistrict * spec.GroupsPerFactory;
        var distributors = groups * spec.AgentsPerGroup;
        var couriers = 2 * ((BigInteger)spec.Districts + (BigInteger)spec.Districts * spec.FactoriesPerDistrict);
        var homes = distributors * spec.HomesPerAgent;
        var fits = true;
        if (homes > GenerateLimits.MaxHomes)
        {
            errors.Add(line, GenerateDraft.Field, $"would make {Describe.Count(homes)} homes; at most {Describe.Count(GenerateLimits.MaxHomes)} can be generated");
            fits = false;
        }

        if (distributors + couriers > GenerateLimits.MaxAgents)
        {
            errors.Add(line, GenerateDraft.Field, $"would make {Describe.Count(distributors + couriers)} agents; at most {Describe.Count(GenerateLimits.MaxAgents)} can be generated");
            fits = false;
        }

        return fits;
    }
}
