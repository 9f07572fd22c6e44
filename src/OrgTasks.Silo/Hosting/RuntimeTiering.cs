using System.Globalization;

namespace OrgTasks.Silo.Hosting;

/// <summary>
/// The .NET runtime's tiered-compilation settings a silo runs with, and the ones it runs best with. They can only be
/// set in the environment before the process starts (the runtime reads them once, as <c>DOTNET_</c> variables, and
/// offers no runtimeconfig.json property or API for them), so the deployment files and scripts set them and a silo
/// says at start-up when they are missing.
/// <para>
/// Why: by default the runtime counts calls for promotion to optimized code only after 100 ms without any new method
/// being compiled. A fresh silo's first mobilization compiles new code all the way through (activation from stored
/// state, the leaflet path), so the whole citywide leaflet ran unoptimized: 1.4–2.2 s instead of 0.6–0.9 s for the same
/// leaflet once compiled. Counting from the first call (delay 0) promotes hot code at once; a threshold of 4,096 calls
/// (instead of 30) leaves the lukewarm code alone and gives the profile-guided tier a longer sample. Measured in one
/// sitting on the 1M city (docs/performance.md, round five): cold 1.37–1.45 s → 0.85–0.93 s, first apply 3.9–4.1 s →
/// 3.2–3.4 s, CPU per warm leaflet 700–735 → 435–465 ms; statements within the noise (16.0k/s median → 15.5k/s).
/// </para>
/// </summary>
public sealed record RuntimeTiering(uint? CallCountingDelayMs, uint? CallCountThreshold)
{
    public const string DelayVariable = "DOTNET_TC_CallCountingDelayMs";
    public const string ThresholdVariable = "DOTNET_TC_CallCountThreshold";

    /// <summary>The values as the runtime reads them: hexadecimal (<c>0x1000</c> is 4,096 calls).</summary>
    public const string RecommendedDelay = "0";
    public const string RecommendedThreshold = "0x1000";

    /// <summary>The recommended settings: the variables an environment file, a Dockerfile or a script sets.</summary>
    public static IReadOnlyDictionary<string, string> Recommended { get; } = new Dictionary<string, string>
    {
        [DelayVariable] = RecommendedDelay,
        [ThresholdVariable] = RecommendedThreshold,
    };

    /// <summary>The recommended settings as <c>NAME=value</c> words, the way a shell or a systemd unit writes them.</summary>
    public const string RecommendedAssignments = $"{DelayVariable}={RecommendedDelay} {ThresholdVariable}={RecommendedThreshold}";

    /// <summary>What this process runs with.</summary>
    public static RuntimeTiering Current { get; } = Read(Environment.GetEnvironmentVariable);

    /// <summary>Reads the settings the way the runtime does: <c>DOTNET_</c> before the legacy <c>COMPlus_</c>, values in hexadecimal.</summary>
    public static RuntimeTiering Read(Func<string, string?> variable) =>
        new(Value(variable, DelayVariable), Value(variable, ThresholdVariable));

    public bool IsRecommended =>
        CallCountingDelayMs == Hex(RecommendedDelay) && CallCountThreshold == Hex(RecommendedThreshold);

    /// <summary>One phrase for a report: what is in effect, and when it is not the recommended setting, how to set it.</summary>
    public string Describe()
    {
        var delay = CallCountingDelayMs is { } d ? $"{d} ms" : "100 ms (default)";
        var threshold = CallCountThreshold is { } t ? t.ToString("N0", CultureInfo.InvariantCulture) : "30 (default)";
        var text = $"runtime tiering: counting delay {delay}, promotion after {threshold} calls";
        return IsRecommended ? text : $"{text}; a fresh silo starts cold about twice as fast with {RecommendedAssignments}";
    }

    private static uint? Value(Func<string, string?> variable, string name) =>
        Hex(variable(name)) ?? Hex(variable("COMPlus_" + name["DOTNET_".Length..]));

    private static uint? Hex(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var digits = text.Trim();
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) digits = digits[2..];
        return uint.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
