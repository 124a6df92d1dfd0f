namespace GatewayQkd.Reporting;

/// <summary>
/// A line chart of one or more named series, saved as PNG with ScottPlot. The one place the host's commands
/// draw plots, so every figure has the same look, axis labels and legend.
/// </summary>
public sealed class LineChart
{
    private readonly List<(string Name, double[] X, double[] Y, double[]? Error)> _series = [];

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

    /// <summary>Gets or sets a value indicating whether the legend sits outside the data area (right of it, the default) instead of over the curves.</summary>
    public bool LegendOutside { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether a point that cannot be drawn breaks its line (a visible gap) instead of being joined over.</summary>
    public bool BreakLinesAtGaps { get; set; }

    /// <summary>Gets or sets the lowest y shown (e.g. 0 for a non-negative quantity), or null for automatic.</summary>
    public double? YMin { get; set; }

    /// <summary>Gets or sets the highest y shown (e.g. 1 for a rate), or null for automatic.</summary>
    public double? YMax { get; set; }

    /// <summary>Gets the ratio of the largest to the smallest positive y over all series (1 when there are none).</summary>
    public double PositiveSpan
    {
        get
        {
            var positive = _series.SelectMany(s => s.Y).Where(y => y > 0 && double.IsFinite(y)).ToArray();
            return positive.Length == 0 ? 1 : positive.Max() / positive.Min();
        }
    }

    /// <summary>Gets the number of series added.</summary>
    public int SeriesCount => _series.Count;

    /// <summary>Adds a named series; x and y must have the same length.</summary>
    public LineChart Add(string name, IReadOnlyList<double> x, IReadOnlyList<double> y) => Add(name, x, y, null);

    /// <summary>Adds a named series with symmetric y error bars (e.g. 95 % half-widths); all lengths must agree.</summary>
    public LineChart Add(string name, IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double>? yError)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count || (yError is not null && yError.Count != y.Count))
        {
            throw new ArgumentException($"Series '{name}' has {x.Count} x values, {y.Count} y values and {yError?.Count} errors.", nameof(y));
        }

        _series.Add((name, x.ToArray(), y.ToArray(), yError?.ToArray()));
        return this;
    }

    /// <summary>The points that cannot be drawn (not finite, or not positive on a log axis): series name and x.</summary>
    public IReadOnlyList<(string Series, double X)> UndrawablePoints() =>
        _series.SelectMany(s => Enumerable.Range(0, s.Y.Length).Where(i => !Drawable(s.Y[i])).Select(i => (s.Name, s.X[i]))).ToArray();

    /// <summary>Renders the chart to a PNG file, creating its folder.</summary>
    public void SavePng(string path, int width = 900, int height = 600)
    {
        CreateFolder(path);
        Render().SavePng(path, width, height);
    }

    /// <summary>
    /// Renders charts side by side into one PNG (e.g. a quantity whose scale would flatten the others on its own
    /// panel), each <paramref name="width"/> x <paramref name="height"/> pixels.
    /// </summary>
    public static void SavePanelsPng(string path, IReadOnlyList<LineChart> panels, int width = 900, int height = 600)
    {
        ArgumentNullException.ThrowIfNull(panels);
        CreateFolder(path);
        using var surface = SkiaSharp.SKSurface.Create(new SkiaSharp.SKImageInfo(width * panels.Count, height));
        surface.Canvas.Clear(SkiaSharp.SKColors.White);
        for (int i = 0; i < panels.Count; i++)
        {
            byte[] png = panels[i].Render().GetImageBytes(width, height, ScottPlot.ImageFormat.Png);
            using var bitmap = SkiaSharp.SKBitmap.Decode(png);
            surface.Canvas.DrawBitmap(bitmap, i * width, 0);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        data.SaveTo(file);
    }

    private static void CreateFolder(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    private ScottPlot.Plot Render()
    {
        var plot = new ScottPlot.Plot();
        var palette = new ScottPlot.Palettes.Category10();
        int index = 0;
        foreach (var (name, xs, ys, errors) in _series)
        {
            // One colour per series from the palette (error bars would otherwise take palette slots of their own).
            var color = palette.GetColor(index++);
            var segments = BreakLinesAtGaps ? Segments(ys) : [Enumerable.Range(0, ys.Length).Where(i => Drawable(ys[i])).ToArray()];
            bool named = false;
            foreach (var keep in segments.Where(k => k.Length > 0))
            {
                var px = keep.Select(i => xs[i]).ToArray();
                var py = keep.Select(i => LogY ? Math.Log10(ys[i]) : ys[i]).ToArray();
                var scatter = plot.Add.Scatter(px, py, color);
                if (!named)
                {
                    scatter.LegendText = name;
                    named = true;
                }

                scatter.MarkerSize = xs.Length > 60 ? 0 : 5;
                scatter.LineWidth = 2;
                if (errors is not null && !LogY)
                {
                    var bars = plot.Add.ErrorBar(px, py, keep.Select(i => double.IsFinite(errors[i]) ? errors[i] : 0).ToArray());
                    bars.Color = color;
                }
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
        plot.Axes.AutoScale();
        var limits = plot.Axes.GetLimits();
        double bottom = YMin is { } min && !LogY ? min : limits.Bottom;
        double top = YMax is { } max && !LogY ? Math.Min(max, limits.Top) : limits.Top;
        if (top > bottom)
        {
            plot.Axes.SetLimitsY(bottom, top);
        }

        if (_series.Count > 1 && LegendOutside)
        {
            // Outside the data area, so no line or point is hidden behind it.
            plot.ShowLegend(ScottPlot.Edge.Right);
        }
        else if (_series.Count > 1)
        {
            plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        }

        return plot;
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
