using GatewayQkd.Emulation.Broker;

namespace GatewayQkd.Emulation.Benchmarks;

/// <summary>
/// The system's capacity at one gateway count and broker (issue 14): the offered key-request load rises step by step
/// (each step a fresh run of <see cref="EmulationBenchmark"/>, one sensor per gateway) until the request-to-key p99
/// exceeds t_slot + 20 ms or keys/s stop rising; the capacity is the highest keys/s of a step whose p99 stayed within
/// that bound. The key supply is sized from the offered load so that it never limits, and each step's window opens
/// only once every pool was filled (<see cref="MeasurementWindow"/>).
/// </summary>
public static class CapacityBenchmark
{
    /// <summary>The slack over one slot the request-to-key p99 may take (a key is served at the end of the slot it arrived in).</summary>
    public const double LatencySlackMilliseconds = 20;

    /// <summary>A step counts as rising when it delivers at least this factor of the best keys/s so far.</summary>
    public const double RisingFactor = 1.05;

    /// <summary>Each link's key rate as a multiple of its gateway's demand if every key were a K_sec 2 one (256 bits).</summary>
    public const double SupplyFactor = 8;

    /// <summary>
    /// Each gateway's status frame period, seconds: the firmware's default (10 s, firmware/Core/Gateway/GatewayConfig.cs),
    /// not the emulation's 1 s. A status frame is a snapshot of the gateway's levels for the HAP and the report; the
    /// pools are kept filled by the levels every block acknowledgement carries and by the supplement request a gateway
    /// sends below its low threshold (docs/protocol.md), not by status frames. At 1 s they were 0.5 of the 3.7 messages a
    /// key cost at 100 gateways (100 a second against 200 keys), and at 1,000 gateways 1,000 upstream frames a second on
    /// the central server's one connection, each opened, replay-marked durably and handled under the key streams' lock.
    /// </summary>
    public static readonly double StatusIntervalSeconds = new Core.Gateway.GatewayConfig().StatusIntervalMilliseconds / 1000.0;

    /// <summary>
    /// At how many instants per slot the gateways' slots end unless the settings say otherwise (<see cref="Timing.SlotPhases"/>): every 5 ms with 50 ms
    /// slots, as boards booted at different moments would (each counts its slots from its own uptime). On one shared
    /// slot clock every gateway answered at the same instant, and the answers, keys and telemetry of a whole slot
    /// (300 messages every 50 ms at 1,000 gateways and 2,000 requests/s) queued behind each other: a burst the bound
    /// t_slot + 20 ms measured, not the system's capacity.
    /// </summary>
    public const int DefaultSlotPhases = 10;

    /// <summary>Each gateway's pool capacity in bits (8 blocks of 256 bytes).</summary>
    public const int PoolCapacityBits = 16384;

    /// <summary>Key block size the HAP pushes, bytes.</summary>
    public const int BlockBytes = 256;

    /// <summary>Runs the ladder and returns every step and the capacity.</summary>
    /// <param name="brokerName">"embedded" or "mosquitto" (names the runs).</param>
    /// <param name="external">The external broker, or null for the embedded one.</param>
    /// <param name="brokerCpu">Reads a separate broker process's CPU time, or null.</param>
    /// <param name="settings">Gateways, ladder, slot and timing.</param>
    /// <param name="progress">Gets each step as it finishes.</param>
    /// <param name="allocations">Records each step's window when given (cleared before each step, so it holds the last one's).</param>
    public static async Task<CapacityResult> RunAsync(string brokerName, BrokerEndpoint? external, Func<TimeSpan>? brokerCpu, CapacitySettings settings, Action<EmulationBenchmarkResult>? progress = null, AllocationSampler? allocations = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var limit = (settings.SlotSeconds * 1000) + LatencySlackMilliseconds;
        var steps = new List<EmulationBenchmarkResult>();
        var offered = settings.StartKeysPerSecond;
        var best = 0.0;
        var stop = "step limit reached";
        for (var i = 0; i < settings.MaxSteps; i++, offered *= settings.StepFactor)
        {
            allocations?.Clear();
            var step = await EmulationBenchmark.RunAsync(brokerName, external, settings.Gateways, TimeSpan.FromSeconds(settings.SecondsPerStep), settings.DataRoot, Load(settings, offered), brokerCpu, allocations).ConfigureAwait(false);
            steps.Add(step);
            progress?.Invoke(step);
            if (!step.Measured)
            {
                stop = FormattableString.Invariant($"the pools were not all filled within {EmulationBenchmark.FillLimit.TotalSeconds:0} s at {offered:0} requests/s offered");
                break;
            }

            if (!(step.LatencyP99 <= limit))
            {
                stop = FormattableString.Invariant($"p99 {step.LatencyP99:0.0} ms above t_slot + {LatencySlackMilliseconds:0} ms = {limit:0} ms at {offered:0} requests/s offered");
                break;
            }

            if (step.KeysPerSecond < best * RisingFactor)
            {
                stop = FormattableString.Invariant($"keys/s stopped rising ({step.KeysPerSecond:0} after {best:0}) at {offered:0} requests/s offered");
                break;
            }

            best = Math.Max(best, step.KeysPerSecond);
        }

        var sustained = steps.Where(s => s.LatencyP99 <= limit).MaxBy(s => s.KeysPerSecond);
        return new CapacityResult(brokerName, settings.Gateways, limit, steps, sustained, stop);
    }

    /// <summary>
    /// The load of one step: a sensor's mean request gap for <paramref name="offeredKeysPerSecond"/> over all gateways,
    /// and links at <see cref="SupplyFactor"/> times the bits that demand would draw if every key were a K_sec 2 one
    /// (256 bits; the mean key is 192 bits), in 256-byte blocks into 16 Kibit pools, ready at three quarters full. The
    /// HAP spends link time only on room a pool has (LinkTimeScheduler caps it), so once the pools are full the blocks
    /// follow consumption, about one per ten keys, whatever the factor: a fast link only fills them sooner and keeps
    /// them from running dry between blocks. With links at 2x the demand (the first version) every pool of a step got
    /// its blocks in the same HAP step (equal rates, equal phase) and pools ran dry between them: the p99 measured the
    /// key supply.
    /// </summary>
    public static EmulationLoad Load(CapacitySettings settings, double offeredKeysPerSecond)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var perGateway = offeredKeysPerSecond / settings.Gateways;
        return new EmulationLoad(1 / perGateway, perGateway * 256 * SupplyFactor, BlockBytes, PoolCapacityBits, settings.SlotSeconds, settings.WarmUpSeconds, PoolCapacityBits * 3 / 4, StatusIntervalSeconds, settings.SlotPhases);
    }
}
