using ScottPlot;

namespace OrgTasks.LoadTest.Charts;

/// <summary>
/// Coverage over time, one line per district: the share of its homes that have the leaflet, from the issue on. The
/// cold leaflet is drawn, since it shows the most (activation on the way); the title names the warm median too.
/// </summary>
internal static class CoverageChart
{
    public static void Save(string path, MobilizeResult result)
    {
        var curve = result.Cold.Curve ?? throw new InvalidOperationException("no coverage curve was recorded");
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category20();
        var index = 0;
        foreach (var (district, points) in curve.Districts.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var total = points.Count == 0 ? 0 : points[^1].Homes;
            if (total == 0) continue;
            var line = plot.Add.Scatter(points.Select(p => p.Seconds).ToArray(), points.Select(p => 100.0 * p.Homes / total).ToArray());
            line.ConnectStyle = curve.Exact ? ConnectStyle.StepHorizontal : ConnectStyle.Straight;
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.Color = palette.GetColor(index++);
            line.LegendText = district;
        }
        plot.Title($"{result.Organization}: {Format.Count(result.HomesTotal)} homes; cold {Format.Seconds(result.Cold.Seconds)}, "
            + $"warm {Format.Seconds(result.WarmSeconds)} (median)" + Baselines(result));
        plot.XLabel("seconds since the committee issued the leaflet (cold)");
        plot.YLabel("homes of the district reached, %");
        plot.Axes.SetLimitsY(0, 102);
        plot.Axes.SetLimitsX(0, Math.Max(0.01, result.Cold.Seconds * 1.05));
        plot.ShowLegend(Alignment.LowerRight);
        Save(plot, path);
    }

    /// <summary>The warm medians of the three baselines of the same run, when it had them: the yardsticks beside the curve.</summary>
    private static string Baselines(MobilizeResult result) =>
        result.BaselineFanOutSeconds is { } a && result.BaselinePlainSeconds is { } b
            ? $"\nbaselines, warm: (a) fan-out {Format.Seconds(a)}, (b) C# walk {Format.Seconds(b)}"
                + (result.BaselineTreeSeconds is { } c ? $", (c) grain tree {Format.Seconds(c)}" : "")
            : "";

    internal static void Save(Plot plot, string path)
    {
        try
        {
            plot.SavePng(path, 1000, 560);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--chart: cannot write '{path}': {error.Message}");
        }
    }
}
