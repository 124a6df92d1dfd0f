using GatewayQkd.Simulation.Engine;
using GatewayQkd.Simulation.Schemes;

namespace GatewayQkd.Simulation.Sweeps;

/// <summary>
/// Runs a sweep: for every series value, x value and scheme, <see cref="SweepSpec.Seeds"/> runs with seeds
/// seed, seed + 1, ... (the same seeds for every scheme, so schemes see the same request streams).
/// </summary>
public static class SweepRunner
{
    /// <summary>Runs the sweep; <paramref name="progress"/> gets (runs done, runs total).</summary>
    public static IReadOnlyList<SweepPoint> Run(SimulationOptions baseOptions, SweepSpec spec, TextWriter log, Action<long, long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(baseOptions);
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Seeds < 1)
        {
            throw new SimulationOptionsException("--seeds", $"must be at least 1 (got {spec.Seeds}).");
        }

        var points = new List<SweepPoint>();
        long done = 0;
        IReadOnlyList<double?> seriesValues = spec.Series is null ? [null] : spec.SeriesValues.Select(v => (double?)v).ToArray();
        foreach (double? series in seriesValues)
        {
            foreach (double x in spec.XValues)
            {
                foreach (SchemeKind scheme in spec.Schemes)
                {
                    var options = baseOptions with { Scheme = scheme };
                    if (spec.Series is { } seriesParameter && series is { } s)
                    {
                        options = SweepParameters.Apply(options, seriesParameter, s);
                    }

                    options = SweepParameters.Apply(options, spec.X, x);
                    options.Validate();
                    var runs = new List<SimulationResult>();
                    for (int i = 0; i < spec.Seeds; i++)
                    {
                        runs.Add(new Simulator(options with { Seed = baseOptions.Seed + (ulong)i }, TextWriter.Null).Run());
                        progress?.Invoke(++done, spec.RunCount);
                    }

                    var point = Aggregate(SchemeDefinition.Of(scheme).Name, series, x, runs);
                    log.WriteLine($"{point.Scheme} {(series is null ? string.Empty : $"series={series} ")}x={x}: delay {point.MeanDelay.Mean:F4} s, SR {point.SuccessRate.Mean:F4}");
                    points.Add(point);
                }
            }
        }

        return points;
    }

    /// <summary>Aggregates runs of one point.</summary>
    public static SweepPoint Aggregate(string scheme, double? series, double x, IReadOnlyList<SimulationResult> runs) => new(
        scheme,
        series,
        x,
        runs.Count,
        Estimate.Of(runs.Select(r => r.MeanDelay).ToArray()),
        Estimate.Of(runs.Select(r => r.SuccessRate).ToArray()),
        Estimate.Of(runs.Select(r => r.P50Delay).ToArray()),
        Estimate.Of(runs.Select(r => r.P90Delay).ToArray()),
        Estimate.Of(runs.Select(r => r.P99Delay).ToArray()),
        Estimate.Of(runs.Select(r => r.KeysWasted).ToArray()),
        Estimate.Of(runs.Select(r => r.KeysGenerated).ToArray()));
}
