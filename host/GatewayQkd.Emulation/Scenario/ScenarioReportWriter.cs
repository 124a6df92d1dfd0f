using System.Globalization;
using System.Text;
using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Emulation.Options;
using GatewayQkd.Emulation.Report;
using GatewayQkd.Reporting;

namespace GatewayQkd.Emulation.Scenario;

/// <summary>
/// The scenario part of a run's report (docs/emulation.md s4b), written when the scenario has a geography: what the
/// weather did (outage start and end per gateway), the pools of the gateways it covered draining and refilling, the
/// requests served and waiting by K_sec over time with the weather events marked, the delay by K_sec before, during and
/// after, and the same scenario in the DDKA simulator side by side with the difference explained.
/// </summary>
public static class ScenarioReportWriter
{
    /// <summary>The files <see cref="Write"/> creates, relative to the folder.</summary>
    public static readonly IReadOnlyList<string> Files = ["scenario-summary.txt", "scenario-by-ksec.csv", "scenario-pools.png", "scenario-requests.png"];

    /// <summary>The width (s) of the bins of the requests-served plot.</summary>
    public const double BinSeconds = 10;

    /// <summary>Why the emulation and the simulation differ (printed under the comparison; docs/simulation.md s6 says the same).</summary>
    public const string DifferenceExplained =
        "The emulation runs the firmware's gateway (pools in 32-byte blocks, status every second, supplements over MQTT, " +
        "the HAP's link time shared in 20 ms steps) with the channel's rate varying every 10 ms as the weather moves; " +
        "the simulator runs each phase at its mean rate per gateway, starting from the previous phase's mean pool level, " +
        "and serves keys the instant they are generated. So during the outage the simulator, whose covered gateways have " +
        "an almost zero V_gen for the whole phase and no stock of their own, shows longer waits than the emulation, whose " +
        "pools entered the outage full and drained; and before the outage the emulation's requests wait for the next DDKA " +
        "slot and block pushes that the simulator's continuous supply does not have.";

    /// <summary>Writes the scenario files into <paramref name="folder"/> and returns their paths (none when the run has no geography).</summary>
    public static IReadOnlyList<string> Write(EmulationReport report, string folder)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Options.Geography is not { } geography)
        {
            return [];
        }

        Directory.CreateDirectory(folder);
        var phases = ScenarioPhases.Of(geography, report.Options.Gateways, report.EmulatedSeconds);
        var (simulated, _) = ScenarioSimulation.Run(report.Options, report.EmulatedSeconds);
        var paths = Files.Select(f => Path.Combine(folder, f)).ToArray();
        File.WriteAllText(paths[0], Summary(report, phases, simulated));
        Table(report, phases, simulated).Save(paths[1]);
        PoolChart(report, phases).SavePng(paths[2], 1100, 600);
        RequestCharts(report, phases, paths[3]);
        return paths;
    }

    /// <summary>Returns the text summary: outage, pools, keys lost, delay by K_sec per phase, the DDKA order during the outage, and the comparison with the simulator.</summary>
    public static string Summary(EmulationReport report, ScenarioPhases phases, IReadOnlyList<PhaseLevelStats> simulated)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(phases);
        ArgumentNullException.ThrowIfNull(simulated);
        var geography = report.Options.Geography!;
        var text = new StringBuilder();
        void Line(FormattableString s) => text.AppendLine(s.ToString(CultureInfo.InvariantCulture));
        Line($"Scenario '{report.Options.Name}': {report.Options.Gateways} gateways, {report.EmulatedSeconds:0.#} emulated s; {report.KeyRateSource}.");
        foreach (var e in geography.WeatherEvents)
        {
            Line($"Weather event '{e.Name}' ({e.Preset}): {e.StartSeconds:0.#}-{e.EndSeconds:0.#} s, radius {e.RadiusKm:0.#} km, centre ({e.From.XKm:0.#}, {e.From.YKm:0.#}) -> ({e.To.XKm:0.#}, {e.To.YKm:0.#}) km.");
        }

        if (phases.AffectedGateways.Count == 0)
        {
            Line($"No weather event covers a gateway: the whole run is one phase.");
        }
        else
        {
            Line($"Outage (a gateway's site under an event): {phases.OutageStart:0.0}-{phases.OutageEnd:0.0} s in all.");
            foreach (var id in phases.AffectedGateways)
            {
                var intervals = phases.Outages[id];
                Line($"  GN {id}: {string.Join(", ", intervals.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Start:0.0}-{i.End:0.0} s")))}; {PoolStory(report, id, intervals[0].Start, intervals[^1].End)}");
            }
        }

        Line($"Keys lost: {report.KeyBitsLost} bits at restarts; {report.KeyBitsWasted} bits wasted (lost + issued unused); requests refused: {report.Requests.Count(r => r.Refused)}; still open at the end: {report.Requests.Count(r => r.OpenAt(double.PositiveInfinity))}.");
        var affected = ScenarioStatistics.Of(report.Requests, phases, phases.AffectedGateways.Count > 0 ? phases.AffectedGateways : null);
        text.AppendLine();
        Line($"Request-to-key delay by K_sec on the {(phases.AffectedGateways.Count > 0 ? "gateways the weather covered (GN " + string.Join(", ", phases.AffectedGateways) + ")" : "gateways")}, emulated seconds (mean / p90, served of sent):");
        text.Append(PhaseTable(affected));
        if (DdkaOrder(affected) is { } order)
        {
            text.AppendLine();
            text.AppendLine(order);
        }

        var (pairs, share) = ScenarioStatistics.HigherSecurityFirst(report.Requests, phases, report.Options.SlotSeconds);
        if (pairs > 0)
        {
            Line($"Served order under the weather: of {pairs} pairs of requests from one gateway and one DDKA slot with different K_sec, {share:P0} had the higher K_sec served first (DDKA eq. (5) with w = {report.Options.TradeOff:0.##}; a FIFO queue gives about 50 %).");
        }

        text.AppendLine();
        Line($"Emulation vs simulation (all gateways; simulator: each phase at its mean channel rate, docs/simulation.md s6):");
        var emulated = ScenarioStatistics.Of(report.Requests, phases);
        text.AppendLine("  phase   K_sec   emulated delay s   simulated delay s   emulated SR   simulated SR   requests emu / sim");
        foreach (var e in emulated)
        {
            var s = simulated.FirstOrDefault(x => x.Phase == e.Phase && x.SecurityLevel == e.SecurityLevel);
            Line($"  {e.Phase,-7} {e.SecurityLevel,5}   {e.MeanDelaySeconds,16:0.###}   {(s is null ? double.NaN : s.MeanDelaySeconds),17:0.###}   {e.SuccessRate,11:0.###}   {(s is null ? double.NaN : s.SuccessRate),12:0.###}   {e.Sent,8} / {(s is null ? 0 : s.Sent)}");
        }

        text.AppendLine();
        text.AppendLine("Why they differ: " + DifferenceExplained);
        return text.ToString();
    }

    /// <summary>
    /// Returns a sentence on DDKA's order during the outage on the covered gateways: the mean delay of each K_sec, and
    /// whether it falls as K_sec rises (higher-security requests served first); null when the outage had too few requests.
    /// </summary>
    public static string? DdkaOrder(IReadOnlyList<PhaseLevelStats> affected)
    {
        ArgumentNullException.ThrowIfNull(affected);
        var during = affected.Where(s => s.Phase == "during" && s.Served > 0).OrderBy(s => s.SecurityLevel).ToArray();
        if (during.Length < 2)
        {
            return null;
        }

        var falling = during.Zip(during.Skip(1)).All(p => p.Second.MeanDelaySeconds <= p.First.MeanDelaySeconds);
        var highest = during[^1];
        var lowest = during[0];
        var delays = string.Join(", ", during.Select(s => string.Create(CultureInfo.InvariantCulture, $"K_sec {s.SecurityLevel} {s.MeanDelaySeconds:0.##} s")));
        var verdict = falling
            ? "it falls as K_sec rises: higher-security requests are served first."
            : string.Create(CultureInfo.InvariantCulture, $"K_sec {highest.SecurityLevel} waits {highest.MeanDelaySeconds:0.##} s against {lowest.MeanDelaySeconds:0.##} s for K_sec {lowest.SecurityLevel} (not monotone in K_sec).");
        return $"DDKA order during the outage: mean delay {delays}; {verdict}";
    }

    private static string PoolStory(EmulationReport report, ushort id, double start, double end)
    {
        var series = report.Samples.Select(s => (T: s.EmulatedSeconds, Pool: s.Gateways.FirstOrDefault(g => g.GatewayId == id)?.PoolBits ?? 0)).ToArray();
        var atStart = series.LastOrDefault(p => p.T <= start, series.FirstOrDefault());
        var low = series.Where(p => p.T >= start && p.T <= end + 60).DefaultIfEmpty(atStart).MinBy(p => p.Pool);
        var refill = series.FirstOrDefault(p => p.T > Math.Max(end, low.T) && p.Pool >= atStart.Pool * 0.8, (T: double.NaN, Pool: 0L));
        var level = string.Create(CultureInfo.InvariantCulture, $"pool {atStart.Pool} bits at the start, lowest {low.Pool} bits at {low.T:0.0} s, ");
        return level + (double.IsNaN(refill.T)
            ? "not back to 80 % of that level by the end."
            : string.Create(CultureInfo.InvariantCulture, $"back to 80 % of that level at {refill.T:0.0} s ({refill.T - end:0.0} s after the outage)."));
    }

    private static string PhaseTable(IReadOnlyList<PhaseLevelStats> stats)
    {
        var text = new StringBuilder("  K_sec");
        var phases = ScenarioPhases.Names.Where(p => stats.Any(s => s.Phase == p)).ToArray();
        foreach (var p in phases)
        {
            text.Append("   ").Append(p.PadRight(24));
        }

        text.AppendLine();
        foreach (var level in stats.Select(s => s.SecurityLevel).Distinct().Order())
        {
            text.Append("  ").Append(level.ToString(CultureInfo.InvariantCulture).PadLeft(5));
            foreach (var p in phases)
            {
                var s = stats.FirstOrDefault(x => x.Phase == p && x.SecurityLevel == level);
                var cell = s is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{s.MeanDelaySeconds:0.##} / {s.P90DelaySeconds:0.##} ({s.Served}/{s.Sent})");
                text.Append("   ").Append(cell.PadRight(24));
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static CsvTable Table(EmulationReport report, ScenarioPhases phases, IReadOnlyList<PhaseLevelStats> simulated)
    {
        var table = new CsvTable("source", "phase", "k_sec", "sent", "served", "mean_delay_s", "p90_delay_s", "success_rate");
        void Add(string source, IEnumerable<PhaseLevelStats> rows)
        {
            foreach (var s in rows)
            {
                table.AddRow(source, s.Phase, s.SecurityLevel, s.Sent, s.Served, Finite(s.MeanDelaySeconds), Finite(s.P90DelaySeconds), Finite(s.SuccessRate));
            }
        }

        Add("emulation", ScenarioStatistics.Of(report.Requests, phases));
        if (phases.AffectedGateways.Count > 0)
        {
            Add("emulation-covered-gateways", ScenarioStatistics.Of(report.Requests, phases, phases.AffectedGateways));
        }

        Add("simulation", simulated);
        return table;
    }

    private static LineChart PoolChart(EmulationReport report, ScenarioPhases phases)
    {
        var chart = new LineChart("Key pools and the weather (vertical lines: a gateway's outage starts and ends)", "emulated time (s)", "pool level (bits)") { BreakLinesAtGaps = true, YMin = 0 };
        var ids = report.Samples.SelectMany(s => s.Gateways).Select(g => g.GatewayId).Distinct().Order().Take(12).ToArray();
        foreach (var id in ids)
        {
            var points = report.Samples.SelectMany(s => s.Gateways.Where(g => g.GatewayId == id).Select(g => (s.EmulatedSeconds, (double)g.PoolBits))).ToArray();
            chart.Add($"GN {id}{(phases.Outages.ContainsKey(id) ? " (covered)" : string.Empty)}", [.. points.Select(p => p.EmulatedSeconds)], [.. points.Select(p => p.Item2)]);
        }

        AddMarkers(chart, phases, report.Options.PoolCapacityBits);
        return chart;
    }

    private static void RequestCharts(EmulationReport report, ScenarioPhases phases, string path)
    {
        var covered = phases.AffectedGateways.Count > 0 ? phases.AffectedGateways : [.. Enumerable.Range(1, report.Options.Gateways).Select(i => (ushort)i)];
        var requests = report.Requests.Where(r => covered.Contains(r.GatewayId)).ToArray();
        var where = phases.AffectedGateways.Count > 0 ? $"GN {string.Join(", ", covered)}" : "all gateways";
        var served = new LineChart($"Requests served per s by K_sec ({where}, {BinSeconds:0} s bins)", "emulated time (s)", "served (1/s)") { BreakLinesAtGaps = true, YMin = 0 };
        var waiting = new LineChart($"Requests waiting by K_sec ({where})", "emulated time (s)", "waiting requests") { BreakLinesAtGaps = true, YMin = 0 };
        var bins = (int)Math.Ceiling(report.EmulatedSeconds / BinSeconds);
        var times = report.Samples.Select(s => s.EmulatedSeconds).ToArray();
        double servedMax = 0, waitingMax = 0;
        foreach (var level in requests.Select(r => r.SecurityLevel).Distinct().Order())
        {
            var mine = requests.Where(r => r.SecurityLevel == level).ToArray();
            var x = Enumerable.Range(0, bins).Select(b => (b + 0.5) * BinSeconds).ToArray();
            var y = Enumerable.Range(0, bins).Select(b => mine.Count(r => r.ServedSeconds >= b * BinSeconds && r.ServedSeconds < (b + 1) * BinSeconds) / BinSeconds).ToArray();
            var open = times.Select(t => (double)mine.Count(r => r.OpenAt(t))).ToArray();
            servedMax = Math.Max(servedMax, y.DefaultIfEmpty(0).Max());
            waitingMax = Math.Max(waitingMax, open.DefaultIfEmpty(0).Max());
            served.Add($"K_sec {level}", x, y);
            waiting.Add($"K_sec {level}", times, open);
        }

        AddMarkers(served, phases, Math.Max(1, servedMax));
        AddMarkers(waiting, phases, Math.Max(1, waitingMax));
        LineChart.SavePanelsPng(path, [served, waiting], 800, 600);
    }

    // Vertical lines at each covered gateway's outage start and end, drawn as broken series from 0 to the top.
    private static void AddMarkers(LineChart chart, ScenarioPhases phases, double top)
    {
        foreach (var (id, intervals) in phases.Outages.OrderBy(p => p.Key))
        {
            var x = new List<double>();
            var y = new List<double>();
            foreach (var (start, end) in intervals)
            {
                x.AddRange([start, start, double.NaN, end, end, double.NaN]);
                y.AddRange([0, top, double.NaN, top, 0, double.NaN]);
            }

            chart.Add($"GN {id} outage", x, y);
        }
    }

    private static double? Finite(double value) => double.IsFinite(value) ? Math.Round(value, 4) : null;
}
