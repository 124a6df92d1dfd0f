using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Emulation.Tests.Support;

namespace GatewayQkd.Emulation.Tests.Run;

/// <summary>
/// EmulationRun.SensorsHeld (benchmarks hold the sensors while the pools fill): held sensors send nothing, and released
/// ones start a fresh Poisson process, so the held time leaves no burst of overdue requests.
/// </summary>
public sealed class HeldSensorsTests
{
    [Fact]
    public async Task Held_Sensors_Send_No_Request_And_Released_Ones_Send_At_Their_Rate_Without_A_Burst()
    {
        using var folder = new RunFolder();
        // 2 gateways x 2 sensors, a request per sensor per emulated second: 4 requests/s once released.
        await using var run = await folder.StartAsync(folder.Options(seconds: 20) with { VirtualTime = true });
        var sentWhileHeld = -1L;
        var sentAtRelease = -1L;
        var releasedAt = double.NaN;
        var sentOneSecondLater = -1L;
        run.SensorsHeld = true;

        await run.RunAsync(snapshot =>
        {
            var sent = run.Counters[RunCounter.RequestsSent];
            if (run.SensorsHeld && snapshot.EmulatedSeconds >= 10)
            {
                sentWhileHeld = sent;
                run.SensorsHeld = false;
                releasedAt = snapshot.EmulatedSeconds;
                sentAtRelease = sent;
            }
            else if (!double.IsNaN(releasedAt) && sentOneSecondLater < 0 && snapshot.EmulatedSeconds >= releasedAt + 1)
            {
                sentOneSecondLater = sent;
            }
        });

        Assert.Equal(0, sentWhileHeld);
        Assert.InRange(sentOneSecondLater - sentAtRelease, 0, 14); // expected 4; the 10 s held would have been about 40 at once
        Assert.True(run.Counters[RunCounter.RequestsSent] > 10, $"only {run.Counters[RunCounter.RequestsSent]} requests in the 10 s after the release");
    }
}
