using GatewayQkd.Core.Protocol;
using GatewayQkd.Emulation.Links;
using GatewayQkd.Emulation.Options;
using GatewayQkd.Emulation.Sensors;
using GatewayQkd.Simulation;
using GatewayQkd.Simulation.Engine;
using GatewayQkd.Simulation.Workload;

namespace GatewayQkd.Emulation.Scenario;

/// <summary>
/// The same scenario in the DDKA simulator (docs/simulation.md s6, `simulate --scenario`). The simulator's supply
/// V_gen is constant per run, so each phase (before / during / after the weather events, <see cref="ScenarioPhases"/>)
/// is one run: V_gen_i is gateway i's key rate from the scenario's channel model (<see cref="ScenarioLinkRates"/>)
/// averaged over the phase (at least <see cref="MinimumVGenBitsPerSecond"/>: the simulator needs a positive rate),
/// the HAP serves <c>hapTerminals</c> supplements at once, the pools have the emulated gateways' capacity and
/// thresholds (GatewayConfigFactory), requests follow each site's traffic with the emulated sensors' key sizes, and a
/// phase starts with the mean pool level the previous phase ended with (the first with empty pools, as a new
/// deployment). The gateway-to-sensor link is taken as instant (MQTT on a LAN, T_tra about 0).
/// </summary>
public static class ScenarioSimulation
{
    /// <summary>The smallest V_gen the simulator is given (bit/s), for a link the weather cuts to 0.</summary>
    public const double MinimumVGenBitsPerSecond = 1;

    /// <summary>The time step (s) at which the channel rates are averaged over a phase.</summary>
    public const double RateStepSeconds = 0.5;

    /// <summary>The gateway-to-sensor link rate given to the simulator (bit/s): effectively instant.</summary>
    public const double SensorLinkBitsPerSecond = 1e9;

    /// <summary>Returns the K_qua in bits the emulated sensors ask for at a K_sec (the one-time-pad levels cover a whole reading plus its MAC key).</summary>
    public static int KeyBitsOf(int securityLevel) => TelemetryModes.RequiredKeyBits(securityLevel, SensorField.MaxReadingBytes);

    /// <summary>Runs the scenario's phases in the simulator; returns the per-phase, per-K_sec results and the options of each phase.</summary>
    public static (IReadOnlyList<PhaseLevelStats> Stats, IReadOnlyList<(string Phase, SimulationOptions Options, SimulationResult Result)> Runs) Run(EmulationOptions options, double emulatedSeconds)
    {
        ArgumentNullException.ThrowIfNull(options);
        var geography = options.Geography ?? throw new ArgumentException("The scenario has no geography.", nameof(options));
        var phases = ScenarioPhases.Of(geography, options.Gateways, emulatedSeconds);
        var rates = new ScenarioLinkRates(options);
        var traffic = Enumerable.Range(1, options.Gateways)
            .Select(id => new GatewayTraffic(options.RequestMeanIntervalOf((ushort)id) / options.SensorsPerGateway, options.SecurityLevelsOf((ushort)id)))
            .ToArray();
        var capacity = (long)options.PoolCapacityBits;
        long initial = 0;
        var stats = new List<PhaseLevelStats>();
        var runs = new List<(string, SimulationOptions, SimulationResult)>();
        foreach (var (name, start, end) in phases.Intervals())
        {
            var vgen = Enumerable.Range(1, options.Gateways).Select(id => Math.Max(MinimumVGenBitsPerSecond, MeanRate(rates, (ushort)id, start, end))).ToArray();
            var source = new MixedRequestSource(traffic, start, end, KeyBitsOf, (ulong)options.Seed);
            if (source.ExpectedCount == 0)
            {
                continue;
            }

            var sim = new SimulationOptions
            {
                Gateways = options.Gateways,
                Requests = source.ExpectedCount,
                Load = source.ExpectedCount * options.SlotSeconds / (end - start),
                SlotSeconds = options.SlotSeconds,
                CapacityBits = capacity,
                InitialBits = Math.Clamp(initial / 8 * 8, 0, capacity),
                LowThresholdBits = capacity / 4 / 8 * 8,
                HighThresholdBits = capacity * 4 / 5 / 8 * 8,
                TradeOff = options.TradeOff,
                VGenPerGateway = vgen,
                VGenBitsPerSecond = vgen.Average(),
                LinkBitsPerSecond = SensorLinkBitsPerSecond,
                HapChannels = options.HapTerminals,
                Seed = (ulong)options.Seed,
            };
            var result = new Simulator(sim, source, TextWriter.Null).Run();
            runs.Add((name, sim, result));
            initial = result.PoolLevels.Count > 0 ? (long)result.PoolLevels[^1].MeanBits : 0;
            stats.AddRange(result.ByLevel.Select(l => new PhaseLevelStats(name, l.SecurityLevel, l.Requests, l.Requests, l.MeanDelay, double.NaN, l.SuccessRate)));
        }

        return (stats, runs);
    }

    private static double MeanRate(ScenarioLinkRates rates, ushort id, double start, double end)
    {
        double sum = 0;
        var n = 0;
        for (var t = start; t < end; t += RateStepSeconds)
        {
            sum += rates.At(id, t).KeyRateBitsPerSecond;
            n++;
        }

        return n == 0 ? 0 : sum / n;
    }
}
