using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Emulation.Tests.Support;

namespace GatewayQkd.Emulation.Tests.Run;

/// <summary>Crash and restart of gateways and whole runs: durable state, no key issued twice.</summary>
public sealed class GatewayRestartTests
{
    [Fact]
    public async Task Killing_And_Restarting_A_Gateway_Mid_Run_Issues_No_Key_Twice()
    {
        using var folder = new RunFolder();
        await using var run = await folder.StartAsync(folder.Options(seconds: 6));
        var running = run.RunAsync();
        Assert.True(await Eventually.TrueAsync(() => run.IssuedKeys.Count >= 6));

        await run.KillGatewayAsync(1);
        await Task.Delay(300);
        await run.RestartGatewayAsync(1);
        var afterRestart = run.IssuedKeys.Count;
        var report = await running;

        Assert.True(run.IssuedKeys.Count > afterRestart, "no key was issued after the restart");
        Assert.Equal(0, run.IssuedKeys.Overlaps);
        Assert.Equal(0, report.Counter(RunCounter.KeysIssuedTwice));
        Assert.Equal(1, report.Counter(RunCounter.GatewayRestarts));
        Assert.Equal(0, run.Telemetry.Mismatches);
    }

    [Fact]
    public async Task A_Second_Run_On_The_Same_Data_Resumes_Without_Reissuing_Any_Key()
    {
        using var folder = new RunFolder();
        var options = folder.Options(seconds: 2);
        var issued = new KeyIssueLog();
        long firstGenerated;
        await using (var first = await folder.StartAsync(options))
        {
            first.KeyReceived += (_, e) => issued.Record(e.GatewayId, e.Range);
            firstGenerated = (await first.RunAsync()).Counter(RunCounter.KeyBitsGenerated);
        }

        var firstCount = issued.Count;
        await using (var second = await folder.StartAsync(options))
        {
            second.KeyReceived += (_, e) => issued.Record(e.GatewayId, e.Range);
            await second.RunAsync();
            var streams = second.Store.GetAllCounts();
            Assert.True(streams.Sum(s => s.GeneratedBits) > firstGenerated, "the second run did not extend the stored key streams");
        }

        Assert.True(firstCount > 0 && issued.Count > firstCount);
        Assert.Equal(0, issued.Overlaps);
    }
}
