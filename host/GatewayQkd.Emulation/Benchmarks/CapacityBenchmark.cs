using GatewayQkd.Emulation.Broker;

namespace GatewayQkd.Emulation.Benchmarks;

/// <summary>
/// The system's capacity at one gateway count and broker (issue 14): the offered key-request load rises step by step
/// (each step a fresh run of <see cref="EmulationBenchmark"/>, one sensor per gateway) until the request-to-key p99
/// exceeds t_slot + 20 ms or keys/s stop rising; the capacity is the highest keys/s of a step whose p99 stayed within
/// that bound. The key supply is sized from the offered load so that it never limits.
/// </summary>
public static class CapacityBenchmark
{
    /// <summary>The slack over one slot the request-to-key p99 may take (a key is served at the end of the slot it arrived in).</summary>
    public const double LatencySlackMilliseconds = 20;

    /// <summary>A step counts as rising when it delivers at least this factor of the best keys/s so far.</summary>
    public const double RisingFactor = 1.05;

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
    /// and links at twice the bits that demand would draw if every key were a K_sec 2 one (256 bits; the mean key is
    /// 192 bits), in 256-byte blocks into 32 Kibit pools: the supply never limits, yet the central server issues
    /// about one block per ten keys, so blocks stay a small share of its work (at 1,000 gateways a fixed fast link
    /// would have it filling pools for minutes before the first key).
    /// </summary>
    public static EmulationLoad Load(CapacitySettings settings, double offeredKeysPerSecond)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var perGateway = offeredKeysPerSecond / settings.Gateways;
        return new EmulationLoad(1 / perGateway, perGateway * 256 * 2, 256, 32768, settings.SlotSeconds, settings.WarmUpSeconds);
    }
}
