using ScottPlot;

namespace OrgTasks.LoadTest.Charts;

/// <summary>
/// The scale curve: time to cover the whole city against its size (left axis), and the time per home (right axis),
/// which stays flat or falls when the cost grows linearly or better.
/// </summary>
internal static class ScaleChart
{
    public static void Save(string path, IReadOnlyList<ScalePoint> points)
    {
        var plot = new Plot();
        var homes = points.Select(p => p.Homes / 1000.0).ToArray();
        var warm = plot.Add.Scatter(homes, points.Select(p => p.WarmSeconds).ToArray());
        warm.LegendText = "warm, s (left)";
        warm.LineWidth = 2;
        warm.MarkerSize = 8;
        var cold = plot.Add.Scatter(homes, points.Select(p => p.ColdSeconds).ToArray());
        cold.LegendText = "cold, s (left)";
        cold.LineWidth = 2;
        cold.MarkerSize = 8;
        cold.LinePattern = LinePattern.Dashed;
        var perHome = plot.Add.Scatter(homes, points.Select(p => p.WarmMicrosecondsPerHome).ToArray());
        perHome.LegendText = "warm, µs per home (right)";
        perHome.LineWidth = 2;
        perHome.MarkerSize = 8;
        perHome.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "µs per home (warm)";
        plot.Title("Scale: time to reach every home against the size of the city");
        plot.XLabel("homes, thousands");
        plot.YLabel("seconds to 100 %");
        plot.Axes.SetLimitsY(0, Math.Max(0.01, points.Max(p => Math.Max(p.WarmSeconds, p.ColdSeconds)) * 1.1));
        plot.Axes.SetLimitsY(0, Math.Max(0.01, points.Max(p => p.WarmMicrosecondsPerHome) * 1.3), plot.Axes.Right);
        plot.ShowLegend(Alignment.UpperLeft);
        CoverageChart.Save(plot, path);
    }
}

/// <summary>One size of the scale curve.</summary>
internal sealed record ScalePoint(long Homes, double ColdSeconds, double WarmSeconds, long? PeakMemoryBytes, bool Correct)
{
    public double WarmMicrosecondsPerHome => WarmSeconds * 1_000_000 / Homes;
    public double ColdMicrosecondsPerHome => ColdSeconds * 1_000_000 / Homes;
}
