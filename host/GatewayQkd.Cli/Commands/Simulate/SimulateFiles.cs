using GatewayQkd.Reporting;
using GatewayQkd.Simulation;
using GatewayQkd.Simulation.Sweeps;

namespace GatewayQkd.Cli.Commands.Simulate;

/// <summary>CSV and PNG output of `simulate` (through GatewayQkd.Reporting), named after the paper's figures.</summary>
internal static class SimulateFiles
{
    public static IEnumerable<string> SaveRuns(string folder, IReadOnlyList<SimulationResult> runs)
    {
        var csv = new CsvTable("scheme", "seed", "requests", "mean_delay_s", "delay_stddev_s", "success_rate", "p50_s", "p90_s", "p99_s", "max_s",
            "slot_wait_s", "key_wait_s", "transmission_s", "supplements", "hap_wait_s", "keys_initial", "keys_generated", "keys_consumed",
            "keys_stored", "keys_wasted", "simulated_s");
        foreach (var r in runs)
        {
            csv.AddRow(r.Scheme, r.Seed, r.Requests, r.MeanDelay, r.DelayStdDev, r.SuccessRate, r.P50Delay, r.P90Delay, r.P99Delay, r.MaxDelay,
                r.MeanSlotWait, r.MeanKeyWait, r.MeanTransmission, r.SupplementRequests, r.MeanSupplementQueueWait, r.KeysInitial,
                r.KeysGenerated, r.KeysConsumed, r.KeysStored, r.KeysWasted, r.SimulatedSeconds);
        }

        string runsPath = Path.Combine(folder, "runs.csv");
        csv.Save(runsPath);
        yield return runsPath;

        // Pool level over time, first seed of each scheme.
        var levels = new CsvTable("scheme", "time_s", "mean_level_bits", "gateway0_bits", "gateway1_bits", "gateway2_bits", "gateway3_bits");
        var chart = new LineChart("QKP level over time (mean over gateways)", "Time (s)", "K_sur (bits)");
        foreach (var r in runs.GroupBy(r => r.Scheme).Select(g => g.First()))
        {
            foreach (var s in r.PoolLevels)
            {
                var g = s.FirstGatewaysBits;
                levels.AddRow(r.Scheme, s.TimeSeconds, s.MeanBits, At(g, 0), At(g, 1), At(g, 2), At(g, 3));
            }

            chart.Add(r.Scheme, r.PoolLevels.Select(s => s.TimeSeconds).ToArray(), r.PoolLevels.Select(s => s.MeanBits).ToArray());
        }

        string levelsPath = Path.Combine(folder, "pool-levels.csv");
        levels.Save(levelsPath);
        yield return levelsPath;
        string pngPath = Path.Combine(folder, "pool-levels.png");
        chart.SavePng(pngPath);
        yield return pngPath;
    }

    public static IEnumerable<string> SaveSweep(string folder, SweepSpec spec, IReadOnlyList<SweepPoint> points)
    {
        var csv = new CsvTable("scheme", "series", "x", "seeds", "mean_delay_s", "mean_delay_ci95", "success_rate", "success_rate_ci95",
            "p50_s", "p90_s", "p99_s", "keys_wasted", "keys_generated");
        foreach (var p in points)
        {
            csv.AddRow(p.Scheme, p.Series, p.X, p.Seeds, p.MeanDelay.Mean, p.MeanDelay.HalfWidth, p.SuccessRate.Mean, p.SuccessRate.HalfWidth,
                p.P50Delay.Mean, p.P90Delay.Mean, p.P99Delay.Mean, p.KeysWasted.Mean, p.KeysGenerated.Mean);
        }

        string csvPath = Path.Combine(folder, "sweep.csv");
        csv.Save(csvPath);
        yield return csvPath;

        string xLabel = SweepParameters.LabelOf(spec.X);
        string by = spec.Series is { } s ? " by " + SweepParameters.NameOf(s) : " by scheme";
        yield return Save(folder, "delay.png", Chart(spec, points, $"Average delay T_sum{by}", xLabel, "Average delay (s)", p => p.MeanDelay.Mean));
        yield return Save(folder, "success-rate.png", Chart(spec, points, $"Success rate of no-waiting requests{by}", xLabel, "SR", p => p.SuccessRate.Mean));
        foreach (string path in SaveImprovements(folder, spec, points, xLabel))
        {
            yield return path;
        }
    }

    private static IEnumerable<string> SaveImprovements(string folder, SweepSpec spec, IReadOnlyList<SweepPoint> points, string xLabel)
    {
        var ddka = points.Where(p => p.Scheme == "DDKA").ToArray();
        var others = points.Where(p => p.Scheme != "DDKA").GroupBy(p => (p.Scheme, p.Series)).ToArray();
        if (ddka.Length == 0 || others.Length == 0)
        {
            yield break;
        }

        var delay = new LineChart("DDKA's improvement in average delay", xLabel, "Improvement (%)");
        var sr = new LineChart("DDKA's improvement in SR", xLabel, "Improvement (%)");
        foreach (var group in others)
        {
            var pairs = group.Select(o => (Other: o, Ddka: ddka.FirstOrDefault(d => d.X == o.X && d.Series == o.Series))).Where(t => t.Ddka is not null).ToArray();
            double[] xs = pairs.Select(t => t.Other.X).ToArray();
            string name = LineName(spec, group.Key.Scheme, group.Key.Series);
            delay.Add(name, xs, pairs.Select(t => Improvement.OfDelay(t.Ddka!.MeanDelay.Mean, t.Other.MeanDelay.Mean)).ToArray());
            sr.Add(name, xs, pairs.Select(t => Improvement.OfSuccessRate(t.Ddka!.SuccessRate.Mean, t.Other.SuccessRate.Mean)).ToArray());
        }

        yield return Save(folder, "delay-improvement.png", delay);
        yield return Save(folder, "success-rate-improvement.png", sr);
    }

    private static LineChart Chart(SweepSpec spec, IReadOnlyList<SweepPoint> points, string title, string xLabel, string yLabel, Func<SweepPoint, double> y)
    {
        var chart = new LineChart(title, xLabel, yLabel);
        foreach (var line in points.GroupBy(p => (p.Scheme, p.Series)))
        {
            chart.Add(LineName(spec, line.Key.Scheme, line.Key.Series), line.Select(p => p.X).ToArray(), line.Select(y).ToArray());
        }

        return chart;
    }

    private static string LineName(SweepSpec spec, string scheme, double? series) =>
        spec.Series is { } s && series is { } v
            ? (spec.Schemes.Count > 1 ? $"{scheme} " : string.Empty) + $"{SweepParameters.NameOf(s)}={SimulateOptionSet.Format(v)}"
            : scheme;

    private static string Save(string folder, string name, LineChart chart)
    {
        string path = Path.Combine(folder, name);
        chart.SavePng(path);
        return path;
    }

    private static double? At(IReadOnlyList<double> values, int index) => index < values.Count ? values[index] : null;
}
