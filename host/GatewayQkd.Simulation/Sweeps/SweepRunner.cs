using GatewayQkd.Simulation.Engine;
using GatewayQkd.Simulation.Schemes;

namespace GatewayQkd.Simulation.Sweeps;

/// <summary>
/// Runs a sweep: for every series value, x value and scheme, <see cref="SweepSpec.Seeds"/> runs with seeds
/// seed, seed + 1, ... (the same seeds for every scheme, so schemes see the same request streams). Runs are
/// independent and execute in parallel on all cores; results do not depend on the schedule.
/// </summary>
public static class SweepRunner
{
    /// <summary>Runs the sweep; <paramref name="progress"/> gets (runs done, runs total).</summary>
    public static IReadOnlyList<SweepPoint> Run(SimulationOptions baseOptions, SweepSpec spec, TextWriter log, Action<long, long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(baseOptions);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(log);
        if (spec.Seeds < 1)
        {
            throw new SimulationOptionsException(nameof(SweepSpec.Seeds), $"must be at least 1 (got {spec.Seeds}).");
        }

        var cells = new List<(string Scheme, double? Series, double X, SimulationOptions Options)>();
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
                    cells.Add((SchemeDefinition.Of(scheme).Name, series, x, options));
                }
            }
        }

        var runs = RunAll(cells.SelectMany(c => Seeds(c.Options, spec.Seeds)).ToArray(), progress);
        var points = new List<SweepPoint>(cells.Count);
        for (int c = 0; c < cells.Count; c++)
        {
            var (scheme, series, x, _) = cells[c];
            var point = Aggregate(scheme, series, x, runs.Skip(c * spec.Seeds).Take(spec.Seeds).ToArray());
            log.WriteLine($"{point.Scheme} {(series is null ? string.Empty : $"series={series} ")}x={x}: delay {point.MeanDelay.Mean:F4} s, SR {point.SuccessRate.Mean:F4}");
            points.Add(point);
        }

        return points;
    }

    /// <summary>Returns the options of <paramref name="seeds"/> runs: seeds seed .. seed + seeds - 1.</summary>
    public static IEnumerable<SimulationOptions> Seeds(SimulationOptions options, int seeds)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Enumerable.Range(0, seeds).Select(i => options with { Seed = options.Seed + (ulong)i });
    }

    /// <summary>Runs independent simulations in parallel on all cores; results come back in input order.</summary>
    public static SimulationResult[] RunAll(IReadOnlyList<SimulationOptions> runs, Action<long, long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var results = new SimulationResult[runs.Count];
        long done = 0;
        var lockObject = new object();
        Parallel.For(0, runs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            results[i] = new Simulator(runs[i], TextWriter.Null).Run();
            long finished = Interlocked.Increment(ref done);
            if (progress is not null)
            {
                lock (lockObject)
                {
                    progress(finished, runs.Count);
                }
            }
        });
        return results;
    }

    /// <summary>Aggregates runs of one point (in seed order).</summary>
    public static SweepPoint Aggregate(string scheme, double? series, double x, IReadOnlyList<SimulationResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        double[] delays = runs.Select(r => r.MeanDelay).ToArray();
        double[] rates = runs.Select(r => r.SuccessRate).ToArray();
        return new(
            scheme,
            series,
            x,
            runs.Count,
            Estimate.Of(delays),
            Estimate.Of(rates),
            Estimate.Of(runs.Select(r => r.P50Delay).ToArray()),
            Estimate.Of(runs.Select(r => r.P90Delay).ToArray()),
            Estimate.Of(runs.Select(r => r.P99Delay).ToArray()),
            Estimate.Of(runs.Select(r => r.KeysWasted).ToArray()),
            Estimate.Of(runs.Select(r => r.KeysGenerated).ToArray()),
            delays,
            rates);
    }
}
