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
        var chart = new LineChart("QKP level over time (mean over gateways)", "Time (s)", "K_sur (bits)") { YMin = 0 };
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
        yield return SavePanels(folder, "delay.png", spec, points, $"Average delay T_sum{by} (95 % intervals over seeds)", xLabel, "Average delay (s)", p => p.MeanDelay, 0, null);
        yield return SavePanels(folder, "success-rate.png", spec, points, $"Success rate of no-waiting requests{by} (95 % intervals)", xLabel, "SR", p => p.SuccessRate, 0, 1);
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

        // Paired over the shared seeds (Improvement.Paired*): mean and 95 % interval of the per-seed percentages.
        var rows = new List<(string Name, SweepPoint Other, Estimate Delay, Estimate Sr)>();
        foreach (var group in others)
        {
            foreach (var other in group)
            {
                var mine = ddka.FirstOrDefault(d => d.X == other.X && d.Series == other.Series);
                if (mine is not null)
                {
                    rows.Add((LineName(spec, group.Key.Scheme, group.Key.Series), other, Improvement.PairedDelay(mine, other), Improvement.PairedSuccessRate(mine, other)));
                }
            }
        }

        var csv = new CsvTable("scheme", "series", "x", "delay_improvement_pct", "delay_improvement_ci95", "sr_improvement_pct", "sr_improvement_ci95");
        foreach (var r in rows)
        {
            csv.AddRow(r.Other.Scheme, r.Other.Series, r.Other.X, r.Delay.Mean, r.Delay.HalfWidth, r.Sr.Mean, r.Sr.HalfWidth);
        }

        string csvPath = Path.Combine(folder, "improvement.csv");
        csv.Save(csvPath);
        yield return csvPath;
        yield return SaveImprovement(folder, "delay-improvement.png", "DDKA's improvement in average delay", xLabel, rows.Select(r => (r.Name, r.Other.X, r.Delay)));
        yield return SaveImprovement(folder, "success-rate-improvement.png", "DDKA's improvement in SR", xLabel, rows.Select(r => (r.Name, r.Other.X, r.Sr)));
    }

    /// <summary>
    /// Plots improvements with their 95 % intervals; lines that exceed 100 % (schemes with SR near 0, such as KoD and
    /// S1) go to a second panel with its own axis, so they do not flatten the others.
    /// </summary>
    private static string SaveImprovement(string folder, string name, string title, string xLabel, IEnumerable<(string Line, double X, Estimate Value)> values)
    {
        var lines = values.GroupBy(v => v.Line).ToArray();
        bool Large(IEnumerable<(string Line, double X, Estimate Value)> line) => line.Any(v => Math.Abs(v.Value.Mean) > 100);
        var small = new LineChart(title + " (95 % paired intervals)", xLabel, "Improvement (%)");
        var large = new LineChart(title + ": schemes above 100 %", xLabel, "Improvement (%)");
        foreach (var line in lines)
        {
            var chart = Large(line) ? large : small;
            chart.Add(line.Key, line.Select(v => v.X).ToArray(), line.Select(v => v.Value.Mean).ToArray(), line.Select(v => v.Value.HalfWidth).ToArray());
        }

        string path = Path.Combine(folder, name);
        var panels = new[] { small, large }.Where(c => c.SeriesCount > 0).ToArray();
        LineChart.SavePanelsPng(path, panels);
        return path;
    }

    /// <summary>
    /// Plots one line per scheme (and series) with 95 % intervals; lines whose peak is over ten times the median peak
    /// (an unstable scheme, say) go to a second panel with their own axis, so the others stay readable.
    /// </summary>
    private static string SavePanels(string folder, string name, SweepSpec spec, IReadOnlyList<SweepPoint> points, string title, string xLabel, string yLabel,
        Func<SweepPoint, Estimate> y, double? yMin, double? yMax)
    {
        var lines = points.GroupBy(p => (p.Scheme, p.Series)).ToArray();
        double[] peaks = lines.Select(l => l.Max(p => Math.Abs(y(p).Mean))).Where(double.IsFinite).Order().ToArray();
        double median = peaks.Length == 0 ? 0 : peaks[peaks.Length / 2];
        var main = new LineChart(title, xLabel, yLabel) { YMin = yMin, YMax = yMax };
        var large = new LineChart(title.Split(" (", StringSplitOptions.None)[0] + ": lines above 10x the median peak", xLabel, yLabel) { YMin = yMin, YMax = yMax };
        foreach (var line in lines)
        {
            bool outlier = median > 0 && line.Max(p => Math.Abs(y(p).Mean)) > 10 * median;
            (outlier ? large : main).Add(LineName(spec, line.Key.Scheme, line.Key.Series), line.Select(p => p.X).ToArray(),
                line.Select(p => y(p).Mean).ToArray(), line.Select(p => y(p).HalfWidth).ToArray());
        }

        // A panel whose positive values span more than two decades (every line unstable at the top load, say) is
        // drawn on a log axis; its intervals are then left to the CSV.
        foreach (var panel in new[] { main, large })
        {
            panel.LogY = yMax is null && panel.PositiveSpan > 100;
        }

        string path = Path.Combine(folder, name);
        LineChart.SavePanelsPng(path, new[] { main, large }.Where(c => c.SeriesCount > 0).ToArray());
        return path;
    }

    private static string LineName(SweepSpec spec, string scheme, double? series) =>
        spec.Series is { } s && series is { } v
            ? (spec.Schemes.Count > 1 ? $"{scheme} " : string.Empty) + $"{SweepParameters.NameOf(s)}={SimulateOptionSet.Format(v)}"
            : scheme;

    private static double? At(IReadOnlyList<double> values, int index) => index < values.Count ? values[index] : null;
}
