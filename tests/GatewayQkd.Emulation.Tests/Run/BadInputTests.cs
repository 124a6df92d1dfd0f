using GatewayQkd.Adapters;
using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Protocol;
using GatewayQkd.Emulation.Bus;
using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Emulation.Run;
using GatewayQkd.Emulation.Tests.Support;

namespace GatewayQkd.Emulation.Tests.Run;

/// <summary>
/// Unauthenticated, malformed and replayed messages, fed to the central server and a gateway through the same entry
/// point as the MQTT callback after a short run: each is refused with its reason, counted, and changes nothing.
/// </summary>
public sealed class BadInputTests
{
    [Fact]
    public async Task Central_Server_Refuses_Garbage_Forgeries_And_Replays_And_Changes_Nothing()
    {
        using var folder = new RunFolder();
        await using var run = await folder.StartAsync(folder.Options(seconds: 2));
        var captured = await RunWithSpyAsync(run);
        var ack = captured.First(m => m.Topic.EndsWith("/ack", StringComparison.Ordinal));
        var telemetry = captured.First(m => m.Topic.StartsWith(Topics.TelemetryPrefix, StringComparison.Ordinal));
        var storeBefore = run.Store.GetAllCounts();
        var verifiedBefore = run.Counters[RunCounter.TelemetryVerified];

        Assert.Equal(FrameStatus.Truncated, run.CentralServer.HandleMessage(Topics.Ack(1), [1, 2, 3]));
        // on its own topic: the first ack captured may be any gateway's, and another gateway's topic is refused
        // (BadTopic, FrameOpener's sender check) before the tag is checked
        Assert.Equal(FrameStatus.BadTag, run.CentralServer.HandleMessage(ack.Topic, Forge(ack.Payload)));
        Assert.Equal(FrameStatus.Replayed, run.CentralServer.HandleMessage(ack.Topic, ack.Payload));
        Assert.Equal(FrameStatus.Replayed, run.CentralServer.HandleMessage(telemetry.Topic, telemetry.Payload));
        Assert.NotEqual(FrameStatus.Ok, run.CentralServer.HandleMessage(telemetry.Topic, Forge(telemetry.Payload)));
        Assert.Equal(FrameStatus.BadTopic, run.CentralServer.HandleMessage("qkd/elsewhere", ack.Payload));

        Assert.Equal(storeBefore, run.Store.GetAllCounts());
        Assert.Equal(verifiedBefore, run.Counters[RunCounter.TelemetryVerified]);
        Assert.Equal(2, run.Counters[RunCounter.TelemetryReplayed]); // the replay, and the forgery: its key id is used already
        Assert.Equal(1, run.CentralServer.Rejections(FrameStatus.BadTag)); // the forged ack
    }

    [Fact]
    public async Task A_Stopped_Gateway_Judges_No_Frame()
    {
        using var folder = new RunFolder();
        await using var run = await folder.StartAsync(folder.Options(seconds: 2));
        var captured = await RunWithSpyAsync(run);
        var block = captured.First(m => m.Topic == Topics.Blocks(1));
        var gateway = run.Gateway(1);

        await gateway.KillAsync();

        Assert.Null(gateway.Deliver(block.Topic, block.Payload));
    }

    [Fact]
    public async Task Gateway_Refuses_Forged_And_Replayed_Key_Blocks_And_Keeps_Its_Pool()
    {
        using var folder = new RunFolder();
        await using var run = await folder.StartAsync(folder.Options(seconds: 2));
        var captured = await RunWithSpyAsync(run);
        var block = captured.First(m => m.Topic == Topics.Blocks(1));
        var gateway = run.Gateway(1);
        var before = gateway.Read()!;

        Assert.Equal(FrameStatus.Replayed, gateway.Deliver(block.Topic, block.Payload));
        Assert.Equal(FrameStatus.BadTag, gateway.Deliver(block.Topic, Forge(block.Payload)));
        Assert.NotEqual(FrameStatus.Ok, gateway.Deliver(block.Topic, block.Payload[..^5]));

        var after = gateway.Read()!;
        Assert.Equal(before.AvailableBits, after.AvailableBits);
        Assert.Equal(before.Counters[(int)GatewayCounter.BlocksStored], after.Counters[(int)GatewayCounter.BlocksStored]);
        Assert.Equal(before.Counters[(int)GatewayCounter.RejectedReplay] + 1, after.Counters[(int)GatewayCounter.RejectedReplay]);
        Assert.Equal(before.Counters[(int)GatewayCounter.RejectedAuthentication] + 1, after.Counters[(int)GatewayCounter.RejectedAuthentication]);
    }

    // Runs the emulation with a spy client on every topic and returns what it saw.
    private static async Task<(string Topic, byte[] Payload)[]> RunWithSpyAsync(EmulationRun run)
    {
        var inbox = new MessageInbox();
        await using var spy = new MqttMessageBus(run.BrokerEndpoint, "spy", inbox.Add, new ListLog());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await spy.ConnectAsync(timeout.Token);
        spy.Subscribe("qkd/#");
        Assert.True(await spy.FlushAsync(TimeSpan.FromSeconds(10)));
        var report = await run.RunAsync();
        Assert.True(report.Counter(RunCounter.TelemetryVerified) > 0);
        Assert.True(await Eventually.StableAsync(() => string.Join(";", run.Store.GetAllCounts()) + run.Gateways.Sum(g => g.Read()?.AvailableBits ?? 0) + run.Counters.ToList().Sum(c => c.Value)));
        return inbox.Messages;
    }

    // Flips one bit in the middle of the frame (inside the authenticated part): the tag must no longer verify.
    private static byte[] Forge(byte[] frame)
    {
        var copy = (byte[])frame.Clone();
        copy[copy.Length / 2] ^= 0x01;
        return copy;
    }
}
