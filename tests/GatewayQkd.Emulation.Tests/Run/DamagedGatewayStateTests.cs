using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Protocol;
using GatewayQkd.Emulation.Bus;
using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Emulation.Tests.Support;

namespace GatewayQkd.Emulation.Tests.Run;

/// <summary>
/// A gateway killed mid-run whose upstream replay marks and send counter files are damaged while it is down (one bit
/// flipped in <c>rg-upstream</c>, <c>sc-gateway</c> cut short) boots again from their mirrors, against the real central
/// server: it refuses every key block the central server sent it before, the central server accepts its new frames (its
/// counter moved forward, none refused as a replay), and it serves keys again, none twice.
/// </summary>
public sealed class DamagedGatewayStateTests
{
    [Fact]
    public async Task A_Gateway_Restarted_On_Damaged_Marks_And_Counter_Refuses_Old_Central_Server_Frames_And_Serves_Again()
    {
        using var folder = new RunFolder();
        await using var run = await folder.StartAsync(folder.Options(seconds: 10));
        var inbox = new MessageInbox();
        await using var spy = new MqttMessageBus(run.BrokerEndpoint, "spy", inbox.Add, new ListLog());
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await spy.ConnectAsync(timeout.Token);
        }

        spy.Subscribe(Topics.Blocks(1));
        Assert.True(await spy.FlushAsync(TimeSpan.FromSeconds(10)));
        var servedBy1 = 0;
        run.KeyReceived += (_, e) => Interlocked.Add(ref servedBy1, e.GatewayId == 1 ? 1 : 0);
        var running = run.RunAsync();
        Assert.True(await Eventually.TrueAsync(() => Volatile.Read(ref servedBy1) >= 2 && inbox.Count >= 2));

        await run.KillGatewayAsync(1);
        var gateway = run.Gateway(1);
        var marks = Path.Combine(gateway.Folder, GatewayService.UpstreamReplayFile);
        var damaged = File.ReadAllBytes(marks);
        var mark = Core.Crypto.Bytes.ReadUInt32BigEndian(damaged, damaged.Length - 8); // 'R' 'G' 2, one sender: its mark, then the CRC
        // The blocks the gateway accepted before it died; later ones the spy saw were never delivered to it, so not replays.
        var oldBlocks = inbox.Messages.Where(m => Counter(m.Payload) <= mark).ToList();
        Assert.NotEmpty(oldBlocks);
        damaged[^5] ^= 0x01; // the lowest bit of the authority's mark
        File.WriteAllBytes(marks, damaged);
        var counter = Path.Combine(gateway.Folder, GatewayService.SendCounterFile);
        File.WriteAllBytes(counter, File.ReadAllBytes(counter)[..3]);
        var replaysBefore = run.CentralServer.Rejections(FrameStatus.Replayed);

        await run.RestartGatewayAsync(1);
        var servedBeforeRestart = Volatile.Read(ref servedBy1);
        foreach (var (topic, payload) in oldBlocks)
        {
            Assert.Equal(FrameStatus.Replayed, gateway.Deliver(topic, payload));
        }

        Assert.True(await Eventually.TrueAsync(() => Volatile.Read(ref servedBy1) > servedBeforeRestart), "the restarted gateway served no key");
        var report = await running;

        Assert.Equal(replaysBefore, run.CentralServer.Rejections(FrameStatus.Replayed));
        Assert.Equal(0, run.IssuedKeys.Overlaps);
        Assert.Equal(0, report.Counter(RunCounter.KeysIssuedTwice));
    }

    private static uint Counter(byte[] frame) => FrameHeader.ReadFrom(new FrameReader(frame, 0, frame.Length)).Counter;
}
