using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Emulation.Run;
using GatewayQkd.Emulation.Tests.Support;

namespace GatewayQkd.Emulation.Tests.Run;

/// <summary>
/// A run whose gateways' slots end at different instants (EmulationOptions.SlotPhases, as boards booted apart): each
/// gateway counts its slots on its own clock, and every key still arrives by the end of its gateway's slot.
/// Virtual time, so the figures do not depend on the machine's load.
/// </summary>
public sealed class SlotPhaseRunTests
{
    [Fact]
    public async Task Every_Key_Arrives_By_The_End_Of_Its_Own_Gateways_Slot_When_The_Gateways_Slots_End_Apart()
    {
        using var folder = new RunFolder();
        // 1 s slots at 10x speed: 100 ms of the virtual wall clock; two phases put gateway 2's slot ends 500 ms
        // (emulated) after gateway 1's.
        var options = folder.Options(seconds: 30) with { VirtualTime = true, SlotPhases = 2, SecurityLevels = [1, 2], KeyRateBitsPerSecond = 16384, PoolCapacityBits = 16384 };
        await using var run = await folder.StartAsync(options);
        var firstMeasured = -1;
        run.SensorsHeld = true;

        await run.RunAsync(snapshot =>
        {
            if (run.SensorsHeld && snapshot.EmulatedSeconds >= 10) // the pools are full by then (16 kbit/s into 16 kbit; 128- and 256-bit keys only, so none waits for key)
            {
                firstMeasured = run.RequestLatency.Count;
                run.SensorsHeld = false;
            }
        });

        Assert.Equal(0, run.Gateway(1).ClockOffsetMilliseconds);
        Assert.Equal(500, run.Gateway(2).ClockOffsetMilliseconds);
        var keys = run.RequestLatency.SummarizeSince(firstMeasured);
        Assert.True(keys.Count > 20, $"only {keys.Count} keys after the release");
        // A request waits at most for its gateway's slot end plus the run loop's 20 ms tick that sees it; a gateway
        // that ticked on the run's clock while admitting on its own would hold half its requests a slot longer.
        var bound = (1000 / options.Speed) + EmulationRun.TickInterval.TotalMilliseconds;
        Assert.True(keys.Max <= bound, $"slowest key {keys.Max} ms, bound {bound} ms (p50 {keys.P50}, p99 {keys.P99})");
        Assert.Equal(0, run.Telemetry.Mismatches);
        Assert.Equal(run.Counters[RunCounter.TelemetrySent] - run.Telemetry.Outstanding, run.Counters[RunCounter.TelemetryVerified]);
    }
}
