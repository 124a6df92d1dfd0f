using System.Text.Json;
using System.Text.Json.Nodes;
using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Reporting;

namespace GatewayQkd.Emulation.Report;

/// <summary>
/// Writes a run's report into a folder: summary.json (setup, key balance, telemetry, latency percentiles),
/// timeseries.csv (one row per gateway per sample), counters.csv, issued-keys.csv (every key of the deployment, with
/// the run that issued it), and pool-levels.png / key-rates.png.
/// </summary>
public static class ReportWriter
{
    /// <summary>The files <see cref="Write"/> creates, relative to the folder.</summary>
    public static readonly IReadOnlyList<string> Files = ["summary.json", "timeseries.csv", "counters.csv", "pool-levels.png", "key-rates.png", "issued-keys.csv"];

    /// <summary>Writes every report file into <paramref name="folder"/> (created if needed) and returns their paths.</summary>
    public static IReadOnlyList<string> Write(EmulationReport report, string folder)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(folder);
        var paths = Files.Select(f => Path.Combine(folder, f)).ToArray();
        File.WriteAllText(paths[0], Summary(report).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.WriteAllText(paths[1], ReportInputs.CsvHeader(report) + TimeSeries(report));
        File.WriteAllText(paths[2], ReportInputs.CsvHeader(report) + CounterTable(report));
        Chart(report, "Gateway key pool levels", "pool level (bits)", g => g.PoolBits).SavePng(paths[3]);
        Chart(report, "HAP-GN secret key rates", "key rate (bit/s)", g => g.KeyRateBitsPerSecond).SavePng(paths[4]);
        File.WriteAllText(paths[5], ReportInputs.CsvHeader(report) + IssuedKeyTable(report));
        return paths;
    }

    /// <summary>Returns the JSON summary.</summary>
    public static JsonObject Summary(EmulationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var o = report.Options;
        var counters = new JsonObject();
        foreach (var (name, value) in report.Counters)
        {
            counters[name] = value;
        }

        return new JsonObject
        {
            ["program"] = new JsonObject { ["name"] = ProgramInfo.Name, ["version"] = ProgramInfo.Version },
            ["inputs"] = ReportInputs.Options(o),
            ["run"] = ReportInputs.Run(report.Start),
            ["name"] = o.Name,
            ["end_reason"] = report.EndReason,
            ["partial"] = report.Partial,
            ["wall_seconds"] = Round(report.WallSeconds),
            ["emulated_seconds"] = Round(report.EmulatedSeconds),
            ["setup"] = new JsonObject
            {
                ["speed"] = o.Speed,
                ["seed"] = o.Seed,
                ["gateways"] = o.Gateways,
                ["board_gateways"] = new JsonArray([.. o.BoardGateways.Select(id => (JsonNode)(int)id)]),
                ["board_twins"] = new JsonArray([.. o.BoardTwins.Select(id => (JsonNode)(int)id)]),
                ["sensors_per_gateway"] = o.SensorsPerGateway,
                ["request_mean_interval_s"] = o.RequestMeanIntervalSeconds,
                ["security_levels"] = new JsonArray([.. o.SecurityLevels.Select(l => (JsonNode)l)]),
                ["key_rate_source"] = report.KeyRateSource,
                ["hap_terminals"] = o.HapTerminals,
                ["block_bytes"] = o.BlockBytes,
                ["pool_capacity_bits"] = o.PoolCapacityBits,
                ["slot_s"] = o.SlotSeconds,
                ["trade_off_w"] = o.TradeOff,
                ["broker"] = report.Broker,
            },
            ["keys"] = new JsonObject
            {
                ["generated_bits"] = report.Counter(RunCounter.KeyBitsGenerated),
                ["delivered_bits"] = report.Counter(RunCounter.KeyBitsDelivered),
                ["issued_bits"] = report.Counter(RunCounter.KeyBitsIssued),
                ["used_bits"] = report.Counter(RunCounter.KeyBitsUsed),
                ["in_pools_bits"] = report.KeyBitsInPools,
                ["lost_bits"] = report.KeyBitsLost,
                ["lost_bits_before_run"] = report.Start.LostBitsBefore,
                ["issued_unused_bits"] = report.KeyBitsIssuedUnused,
                ["wasted_bits"] = report.KeyBitsWasted,
            },
            ["issued_keys"] = IssuedKeys(report),
            ["telemetry"] = new JsonObject
            {
                ["sent"] = report.Counter(RunCounter.TelemetrySent),
                ["verified"] = report.Counter(RunCounter.TelemetryVerified),
                ["replayed_rejected"] = report.Counter(RunCounter.TelemetryReplayed),
                ["other_rejected"] = report.Counter(RunCounter.TelemetryRejected),
            },
            ["latency_ms"] = new JsonObject
            {
                ["request_to_key"] = Latency(report.RequestToKey),
                ["telemetry_to_verified"] = Latency(report.TelemetryToVerified),
            },
            ["counters"] = counters,
        };
    }

    private static CsvTable TimeSeries(EmulationReport report)
    {
        var table = new CsvTable("wall_s", "emulated_s", "gateway", "pool_bits", "key_rate_bps", "qber", "link_share", "delivered_bits", "delivered_bps", "requests_served", "requests_waiting", "online");
        foreach (var sample in report.Samples)
        {
            foreach (var g in sample.Gateways)
            {
                table.AddRow(Round(sample.WallSeconds), Round(sample.EmulatedSeconds), g.GatewayId, g.PoolBits, g.KeyRateBitsPerSecond, double.IsNaN(g.Qber) ? null : g.Qber, Round(g.LinkShare), g.DeliveredBits, Round(g.DeliveredBitsPerSecond), g.RequestsServed, g.RequestsWaiting, g.Online ? 1 : 0);
            }
        }

        return table;
    }

    // Keys sensors received in this deployment: this run's, and the earlier runs' by run (a crashed run has no report
    // of its own, so its keys appear here). Each key once: the ledger holds one line per key received.
    private static JsonObject IssuedKeys(EmulationReport report)
    {
        var byRun = new JsonArray();
        foreach (var run in report.IssuedBefore.GroupBy(k => k.Run).OrderBy(g => g.Key))
        {
            byRun.Add(new JsonObject { ["run"] = run.Key, ["keys"] = run.Count(), ["bits"] = run.Sum(k => k.Bits) });
        }

        return new JsonObject
        {
            ["this_run"] = new JsonObject { ["keys"] = report.IssuedThisRun.Count(), ["bits"] = report.IssuedThisRun.Sum(k => k.Bits) },
            ["before_this_run"] = new JsonObject { ["keys"] = report.IssuedBefore.Count(), ["bits"] = report.IssuedBefore.Sum(k => k.Bits), ["by_run"] = byRun },
            ["all_runs"] = new JsonObject { ["keys"] = report.IssuedKeys.Count, ["bits"] = report.IssuedKeys.Sum(k => k.Bits) },
        };
    }

    private static CsvTable IssuedKeyTable(EmulationReport report)
    {
        var table = new CsvTable("run", "before_this_run", "gateway", "peer", "offset", "length_bytes");
        foreach (var k in report.IssuedKeys)
        {
            table.AddRow(k.Run, k.Run < report.Start.RunNumber ? 1 : 0, k.GatewayId, k.PeerId, k.Offset, k.Length);
        }

        return table;
    }

    private static CsvTable CounterTable(EmulationReport report)
    {
        var table = new CsvTable("counter", "value");
        foreach (var (name, value) in report.Counters)
        {
            table.AddRow(name, value);
        }

        table.AddRow("key_bits_in_pools", report.KeyBitsInPools);
        table.AddRow("key_bits_lost", report.KeyBitsLost);
        table.AddRow("key_bits_issued_unused", report.KeyBitsIssuedUnused);
        table.AddRow("key_bits_wasted", report.KeyBitsWasted);
        return table;
    }

    private static LineChart Chart(EmulationReport report, string title, string yLabel, Func<GatewaySample, double> value)
    {
        var chart = new LineChart(title, "emulated time (s)", yLabel);
        var ids = report.Samples.SelectMany(s => s.Gateways).Select(g => g.GatewayId).Distinct().Order().Take(12);
        foreach (var id in ids)
        {
            var points = report.Samples
                .SelectMany(s => s.Gateways.Where(g => g.GatewayId == id).Select(g => (s.EmulatedSeconds, Value: value(g))))
                .ToArray();
            chart.Add($"GN {id}", [.. points.Select(p => p.EmulatedSeconds)], [.. points.Select(p => p.Value)]);
        }

        return chart;
    }

    private static JsonObject Latency(LatencySummary s) => new()
    {
        ["count"] = s.Count,
        ["p50"] = Number(s.P50),
        ["p90"] = Number(s.P90),
        ["p99"] = Number(s.P99),
        ["max"] = Number(s.Max),
    };

    private static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(Round(value)) : null;

    private static double Round(double value) => Math.Round(value, 3, MidpointRounding.AwayFromZero);
}
