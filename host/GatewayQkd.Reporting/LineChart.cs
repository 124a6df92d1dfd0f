namespace GatewayQkd.Reporting;

/// <summary>
/// A line chart of one or more named series, saved as PNG with ScottPlot. The one place the host's commands
/// draw plots, so every figure has the same look, axis labels and legend.
/// </summary>
public sealed class LineChart
{
    private readonly List<(string Name, double[] X, double[] Y)> _series = [];

    /// <summary>Creates a chart with a title and axis labels.</summary>
    public LineChart(string title, string xLabel, string yLabel)
    {
        Title = title;
        XLabel = xLabel;
        YLabel = yLabel;
    }

    /// <summary>Gets the chart title.</summary>
    public string Title { get; }

    /// <summary>Gets the x-axis label.</summary>
    public string XLabel { get; }

    /// <summary>Gets the y-axis label.</summary>
    public string YLabel { get; }

    /// <summary>Gets or sets a value indicating whether the y axis is logarithmic (base 10); non-positive points are dropped.</summary>
    public bool LogY { get; set; }

    /// <summary>Gets the number of series added.</summary>
    public int SeriesCount => _series.Count;

    /// <summary>Adds a named series; x and y must have the same length.</summary>
    public LineChart Add(string name, IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"Series '{name}' has {x.Count} x values but {y.Count} y values.", nameof(y));
        }

        _series.Add((name, x.ToArray(), y.ToArray()));
        return this;
    }

    /// <summary>Renders the chart to a PNG file, creating its folder.</summary>
    public void SavePng(string path, int width = 900, int height = 600)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var plot = new ScottPlot.Plot();
        foreach (var (name, xs, ys) in _series)
        {
            double[] px = xs;
            double[] py = ys;
            if (LogY)
            {
                var keep = Enumerable.Range(0, ys.Length).Where(i => ys[i] > 0 && double.IsFinite(ys[i])).ToArray();
                px = keep.Select(i => xs[i]).ToArray();
                py = keep.Select(i => Math.Log10(ys[i])).ToArray();
            }

            var scatter = plot.Add.Scatter(px, py);
            scatter.LegendText = name;
            scatter.MarkerSize = px.Length > 60 ? 0 : 5;
            scatter.LineWidth = 2;
        }

        if (LogY)
        {
            var ticks = new ScottPlot.TickGenerators.NumericAutomatic
            {
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                IntegerTicksOnly = true,
                LabelFormatter = y => $"1e{y:0}",
            };
            plot.Axes.Left.TickGenerator = ticks;
        }

        plot.Title(Title);
        plot.XLabel(XLabel);
        plot.YLabel(LogY ? YLabel + " (log scale)" : YLabel);
        if (_series.Count > 1)
        {
            plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        }

        plot.SavePng(path, width, height);
    }
}
