using System.Text;
using GatewayQkd.BoardTwin.Tests.Support;
using GatewayQkd.Core.Board;
using GatewayQkd.Device.Adapters;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.TestSupport;

namespace GatewayQkd.BoardTwin.Tests.Device;

/// <summary>
/// Issue 10 item 7: the device bus's outbox is bounded; when it is full a new message is refused and counted - an
/// older one (perhaps a key response the core already counted as issued) is never dropped behind the core's back.
/// </summary>
[Collection(BoardCollection.Name)]
public sealed class OutboxTests
{
    [Fact]
    public async Task A_Full_Outbox_Refuses_And_Counts_New_Messages_And_Sends_The_Earlier_Ones_In_Order()
    {
        await using var broker = await TestBroker.StartAsync();
        using var drive = new TwinDrive(new BrokerEndpoint { Host = "127.0.0.1", Port = broker.Port });
        var settings = DeviceSettings.Parse(File.ReadAllText(Path.Combine(drive.Path, "gatewayqkd.conf")));
        var log = new RecordingLog();
        var bus = new MqttMessageBus(settings, outboxCapacity: 3, log, (_, _) => { });
        for (var i = 1; i <= 5; i++)
        {
            bus.Publish("out", Encoding.ASCII.GetBytes("m" + i)); // offline: all wait in the outbox
        }

        Assert.Equal(3, bus.OutboxCount);
        Assert.Equal(2, bus.Dropped);
        Assert.Contains(log.Lines, l => l.Message.Contains("outbox full", StringComparison.Ordinal));

        bus.Connect();

        Assert.True(await Eventually.TrueAsync(() => bus.OutboxCount == 0));
        Assert.Equal(["m1", "m2", "m3"], broker.PublishedBy(TwinDrive.ClientId, "out").Select(p => Encoding.ASCII.GetString(p)));
    }

    [Fact]
    public void The_Outbox_Holds_A_Whole_Slot_Of_Answers_Plus_The_Reserve()
    {
        var config = new GatewayQkd.Core.Gateway.GatewayConfig { QueueCapacity = 64, Peers = [0, 9] };

        Assert.Equal(64 + 2 + 1 + MqttMessageBus.AnswerReserve, MqttMessageBus.OutboxCapacityFor(config));
    }
}
