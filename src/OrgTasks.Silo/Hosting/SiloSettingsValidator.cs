using Microsoft.Extensions.Options;
using OrgTasks.Grains;

namespace OrgTasks.Silo.Hosting;

/// <summary>
/// Refuses impossible <see cref="SiloSettings"/> when the silo is built, one line per setting with its allowed range.
/// Why: a zero or negative response timeout fails every grain call at once, and one of days makes a call lost with a
/// dead silo hang as long.
/// </summary>
public sealed class SiloSettingsValidator : IValidateOptions<SiloSettings>
{
    public ValidateOptionsResult Validate(string? name, SiloSettings settings)
    {
        var failures = new OptionRanges(nameof(SiloSettings), ".");
        failures.Check(nameof(settings.ResponseTimeout), settings.ResponseTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        return failures.Result;
    }

    /// <summary>Throws the failures as one <see cref="OptionsValidationException"/> (the CLI prints one line each).</summary>
    public static void ThrowIfInvalid(SiloSettings settings)
    {
        var result = new SiloSettingsValidator().Validate(null, settings);
        if (result.Failed) throw new OptionsValidationException(nameof(SiloSettings), typeof(SiloSettings), result.Failures);
    }
}
