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

    /// <summary>Gets or sets a value indicating whether the y axis is logarithmic (base 10); non-positive points cannot be drawn.</summary>
    public bool LogY { get; set; }

    /// <summary>Gets or sets a value indicating whether the legend sits outside the data area (right of it) instead of over the curves.</summary>
    public bool LegendOutside { get; set; }

    /// <summary>Gets or sets a value indicating whether a point that cannot be drawn breaks its line (a visible gap) instead of being joined over.</summary>
    public bool BreakLinesAtGaps { get; set; }

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

    /// <summary>The points that cannot be drawn (not finite, or not positive on a log axis): series name and x.</summary>
    public IReadOnlyList<(string Series, double X)> UndrawablePoints() =>
        _series.SelectMany(s => Enumerable.Range(0, s.Y.Length).Where(i => !Drawable(s.Y[i])).Select(i => (s.Name, s.X[i]))).ToArray();

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
            var segments = BreakLinesAtGaps ? Segments(ys) : [Enumerable.Range(0, ys.Length).Where(i => Drawable(ys[i])).ToArray()];
            ScottPlot.Color? color = null;
            foreach (var keep in segments.Where(k => k.Length > 0))
            {
                var px = keep.Select(i => xs[i]).ToArray();
                var py = keep.Select(i => LogY ? Math.Log10(ys[i]) : ys[i]).ToArray();
                var scatter = plot.Add.Scatter(px, py);
                if (color is { } c)
                {
                    scatter.Color = c;
                }
                else
                {
                    scatter.LegendText = name;
                    color = scatter.Color;
                }

                scatter.MarkerSize = xs.Length > 60 ? 0 : 5;
                scatter.LineWidth = 2;
            }
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
        if (_series.Count > 1 && LegendOutside)
        {
            plot.ShowLegend(ScottPlot.Edge.Right);
        }
        else if (_series.Count > 1)
        {
            plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        }

        plot.SavePng(path, width, height);
    }

    private bool Drawable(double y) => double.IsFinite(y) && (!LogY || y > 0);

    // Runs of consecutive drawable points; an undrawable point ends a run, so the line shows a gap there.
    private List<int[]> Segments(double[] ys)
    {
        var runs = new List<int[]>();
        var current = new List<int>();
        for (var i = 0; i < ys.Length; i++)
        {
            if (Drawable(ys[i]))
            {
                current.Add(i);
            }
            else if (current.Count > 0)
            {
                runs.Add([.. current]);
                current.Clear();
            }
        }

        if (current.Count > 0)
        {
            runs.Add([.. current]);
        }

        return runs;
    }
}
