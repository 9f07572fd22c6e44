using System.Globalization;
using Microsoft.Extensions.Options;

namespace OrgTasks.Grains;

/// <summary>
/// Collects options outside their allowed ranges, each as one line that names the option the way an operator sets it
/// (<c>OrgTasks__FanOutLimit=0 is out of range: allowed 1 to 100,000</c>). Shared by the silo's options validators.
/// Options set only in code are named as in code: separator <c>.</c> gives <c>PgJournalOptions.ReadConcurrency=0 …</c>.
/// </summary>
public sealed class OptionRanges(string section, string separator = "__")
{
    private readonly List<string> _failures = [];

    public ValidateOptionsResult Result => _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);

    public void Check(string option, int value, int min, int max)
    {
        if (value < min || value > max)
            _failures.Add(Line(option, value.ToString(CultureInfo.InvariantCulture), min.ToString("N0", CultureInfo.InvariantCulture), max.ToString("N0", CultureInfo.InvariantCulture)));
    }

    public void Check(string option, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
            _failures.Add(Line(option, value.ToString("c", CultureInfo.InvariantCulture), min.ToString("c", CultureInfo.InvariantCulture), max.ToString("c", CultureInfo.InvariantCulture)));
    }

    public void Check(string option, double value, double min, double max)
    {
        if (!(value >= min && value <= max)) // NaN is out of every range
            _failures.Add(Line(option, value.ToString(CultureInfo.InvariantCulture), min.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture)));
    }

    private string Line(string option, string value, string min, string max) =>
        $"{section}{separator}{option}={value} is out of range: allowed {min} to {max}";
}
