using GatewayQkd.BoardTwin.Tests.Support;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Links;
using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Emulation.Options;
using GatewayQkd.Emulation.Run;
using GatewayQkd.TestSupport;

namespace GatewayQkd.BoardTwin.Tests.Twin;

/// <summary>
/// Issue 11: a gateway of an emulation run is a board twin - the firmware/Device application in its own process,
/// joining over TCP with the settings file the host writes - and is accounted exactly like the emulated ones: its
/// blocks acknowledged, its sensors' keys served and their telemetry verified by the central server, and no key issued
/// twice, also across a power cut (the process killed) and a restart from its drive folder.
/// </summary>
[Collection(BoardCollection.Name)]
public sealed class EmulationWithBoardTwinTests
{
    private const ushort Twin = 2;

    [Fact]
    public async Task A_Board_Twin_Serves_Its_Sensors_In_A_Run_On_The_Embedded_Broker_And_Resumes_After_A_Power_Cut_Issuing_No_Key_Twice()
    {
        using var folder = new TempFolder();
        await RunWithPowerCutAsync(Options(folder));
    }

    [Fact]
    public async Task A_Board_Twin_Serves_Its_Sensors_Through_Mosquitto_And_Resumes_After_A_Power_Cut_Issuing_No_Key_Twice()
    {
        await using var mosquitto = await MosquittoProcess.StartAsync();
        using var folder = new TempFolder();
        await RunWithPowerCutAsync(Options(folder) with { ExternalBroker = mosquitto.Endpoint });
    }

    private static EmulationOptions Options(TempFolder folder) => new EmulationOptions
    {
        Duration = TimeSpan.FromSeconds(9),
        Speed = 10,
        Gateways = 1,
        SensorsPerGateway = 2,
        RequestMeanIntervalSeconds = 1.0,
        KeyRateModel = KeyRateModel.Constant,
        KeyRateBitsPerSecond = 4096,
        DataFolder = folder.File("data"),
        OutputFolder = folder.File("out"),
        SampleIntervalSeconds = 0.25,
    }.WithBoardTwins(Twin).Validated();

    private static async Task RunWithPowerCutAsync(EmulationOptions options)
    {
        await using var run = await EmulationRun.StartAsync(options, LinkRatesFactory.Create(options));
        long twinKeys = 0;
        run.KeyReceived += (_, e) =>
        {
            if (e.GatewayId == Twin)
            {
                Interlocked.Increment(ref twinKeys);
            }
        };
        var running = run.RunAsync();

        Assert.True(
            await Eventually.TrueAsync(() => Interlocked.Read(ref twinKeys) >= 3 && run.Telemetry.VerifiedFor(Twin) >= 1),
            "the twin served no keys:\n" + string.Join("\n", run.BoardTwins[Twin].Lines.TakeLast(15)));
        Assert.True(run.CentralServer.KeyStreams.View(Twin, TimeSpan.FromSeconds(5)).DeliveredBits > 0, "no block was acknowledged by the twin");

        await run.KillGatewayAsync(Twin);
        await Task.Delay(300);
        await run.RestartGatewayAsync(Twin);
        var beforeRestart = Interlocked.Read(ref twinKeys);
        var verifiedBeforeRestart = run.Telemetry.VerifiedFor(Twin);
        var report = await running;

        Assert.True(Interlocked.Read(ref twinKeys) > beforeRestart, "the restarted twin served no key");
        Assert.True(run.Telemetry.VerifiedFor(Twin) > verifiedBeforeRestart, "no telemetry of the twin's sensors was verified after the restart");
        Assert.Equal(0, run.IssuedKeys.Overlaps);
        Assert.Equal(0, report.Counter(RunCounter.KeysIssuedTwice));
        Assert.Equal(1, report.Counter(RunCounter.GatewayRestarts));
        Assert.Equal(0, run.Telemetry.Mismatches);
        Assert.Equal([Twin], report.Options.BoardTwins);
    }
}
