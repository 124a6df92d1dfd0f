using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Bus;
using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Emulation.Report;

namespace GatewayQkd.Emulation.Run;

/// <summary>
/// The virtual-time run loop (docs/emulation.md s1b): one thread advances the virtual wall clock by
/// <see cref="TickInterval"/>, steps the HAP, the gateways and the sensors in a fixed order, and pumps the in-process
/// broker empty after each, so every message is handled in the same order on every run and the same seed gives the
/// same bits, counters and report. It runs as fast as the machine allows.
/// </summary>
public sealed partial class EmulationRun
{
    /// <summary>The broker endpoint a virtual-time run reports (there is no network broker).</summary>
    public static readonly BrokerEndpoint InProcessEndpoint = new() { Host = "in-process", Port = 1 };

    // Steps between two yields to the caller's scheduler (Ctrl+C and the live view stay responsive).
    private const int StepsPerYield = 25;

    private async Task<EmulationReport> RunVirtualAsync(InProcessBroker broker, Action<RunSnapshot>? sampled, CancellationToken cancellationToken)
    {
        var endReason = EmulationReport.DurationReached;
        var end = Clock.WallElapsed + Options.Duration;
        var nextSample = TimeSpan.Zero;
        broker.Pump(); // the gateways' first status frames
        for (var step = 1; Clock.WallElapsed < end; step++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                endReason = "cancelled";
                break;
            }

            VirtualStep(broker, sensorsActive: true);
            if (Clock.WallElapsed >= nextSample)
            {
                sampled?.Invoke(TakeSample());
                nextSample = Clock.WallElapsed + TimeSpan.FromSeconds(Options.SampleIntervalSeconds);
            }

            if (step % StepsPerYield == 0)
            {
                await Task.Yield();
            }
        }

        // Drain as in real time: the sensors stop, the rest runs until telemetry settles, at most 3 s (virtual).
        var deadline = Clock.WallElapsed + TimeSpan.FromSeconds(3);
        while (Clock.WallElapsed < deadline && Telemetry.Outstanding > 0)
        {
            VirtualStep(broker, sensorsActive: false);
        }

        var last = TakeSample();
        sampled?.Invoke(last);
        return BuildReport(endReason);
    }

    // One step: time moves, then the HAP (key and pushes), the gateways (slots, answers), the sensors (requests), each
    // followed by delivering everything it sent, including the answers those messages cause.
    private void VirtualStep(InProcessBroker broker, bool sensorsActive)
    {
        Clock.Advance(TickInterval);
        StepHap();
        broker.Pump();
        Tick(sensorsActive);
        broker.Pump();
    }
}
