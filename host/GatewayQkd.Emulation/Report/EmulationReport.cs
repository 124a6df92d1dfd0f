using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Emulation.Options;

namespace GatewayQkd.Emulation.Report;

/// <summary>
/// What a finished run reports: its setup, the key balance, telemetry results, latencies and the time series.
/// </summary>
/// <remarks>
/// Key balance (bits): generated = delivered + not yet acknowledged; delivered = left in pools + issued + lost at
/// restarts; issued = used + wasted_unused. Wasted = lost + issued but never used by the end of the run.
/// </remarks>
public sealed record EmulationReport
{
    /// <summary>Gets the options the run used.</summary>
    public required EmulationOptions Options { get; init; }

    /// <summary>Gets the key rate model's description.</summary>
    public required string KeyRateSource { get; init; }

    /// <summary>Gets the broker the run used ("embedded 127.0.0.1:port" or the external endpoint).</summary>
    public required string Broker { get; init; }

    /// <summary>Gets the wall-clock seconds the run took.</summary>
    public required double WallSeconds { get; init; }

    /// <summary>Gets the emulated seconds the run covered.</summary>
    public required double EmulatedSeconds { get; init; }

    /// <summary>The <see cref="EndReason"/> of a run that ran its whole duration (any other reason makes the report partial).</summary>
    public const string DurationReached = "duration reached";

    /// <summary>Gets why the run ended (<see cref="DurationReached"/>, "cancelled", "stopped early by SIGINT").</summary>
    public required string EndReason { get; init; }

    /// <summary>Gets a value indicating whether the run stopped before its duration (Ctrl+C, SIGTERM): its figures cover only the time it ran.</summary>
    public bool Partial => EndReason != DurationReached;

    /// <summary>Gets the final counters by report name.</summary>
    public required IReadOnlyList<KeyValuePair<string, long>> Counters { get; init; }

    /// <summary>Gets the key bits left in gateway pools at the end.</summary>
    public required long KeyBitsInPools { get; init; }

    /// <summary>Gets the state the run started from (its number in the data folder, and what a resumed run found).</summary>
    public RunStart Start { get; init; } = new(1, 0, 0, 0, 0);

    /// <summary>Gets the key bits gateways lost during this run (reserved but not delivered before a restart); losses of earlier runs are in <see cref="Start"/>.</summary>
    public required long KeyBitsLost { get; init; }

    /// <summary>Gets the key bits issued to sensors but never used by verified telemetry.</summary>
    public required long KeyBitsIssuedUnused { get; init; }

    /// <summary>Gets the wasted key bits: lost plus issued-unused.</summary>
    public long KeyBitsWasted => KeyBitsLost + KeyBitsIssuedUnused;

    /// <summary>Gets sensor request to key arrival latency (wall-clock milliseconds).</summary>
    public required LatencySummary RequestToKey { get; init; }

    /// <summary>Gets telemetry publish to central-server verification latency (wall-clock milliseconds).</summary>
    public required LatencySummary TelemetryToVerified { get; init; }

    /// <summary>Gets the sampled time series.</summary>
    public required IReadOnlyList<RunSnapshot> Samples { get; init; }

    /// <summary>
    /// Gets every key sensors received in the deployment, this run's and earlier runs' (a crashed run's included),
    /// from the data folder's <see cref="IssuedKeyLedger"/>; each key once, with the run that issued it.
    /// </summary>
    public IReadOnlyList<IssuedKey> IssuedKeys { get; init; } = [];

    /// <summary>Gets the keys runs before this one issued (<see cref="RunStart.RunNumber"/> is this run's).</summary>
    public IEnumerable<IssuedKey> IssuedBefore => IssuedKeys.Where(k => k.Run < Start.RunNumber);

    /// <summary>Gets the keys this run issued.</summary>
    public IEnumerable<IssuedKey> IssuedThisRun => IssuedKeys.Where(k => k.Run == Start.RunNumber);

    /// <summary>Gets every sensor key request of the run with its K_sec and emulated times (empty when not recorded).</summary>
    public IReadOnlyList<RequestRecord> Requests { get; init; } = [];

    /// <summary>Returns a counter's final value by its <see cref="RunCounter"/>.</summary>
    public long Counter(RunCounter counter)
    {
        var name = RunCounters.NameOf(counter);
        return Counters.First(c => c.Key == name).Value;
    }
}
