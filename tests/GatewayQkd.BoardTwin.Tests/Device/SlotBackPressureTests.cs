using GatewayQkd.BoardTwin.Tests.Support;
using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Ports;
using GatewayQkd.Device.Adapters;
using GatewayQkd.Device.Runtime;
using GatewayQkd.TestSupport;

namespace GatewayQkd.BoardTwin.Tests.Device;

/// <summary>
/// Issue 10 item 7, the other half: the gateway runner serves a slot (taking keys from the pool) only when the bus can
/// keep every message that slot may publish, so no served key's response is ever refused.
/// </summary>
[Collection(BoardCollection.Name)]
public sealed class SlotBackPressureTests
{
    [Fact]
    public async Task No_Slot_Is_Served_While_The_Bus_Has_No_Room_For_Its_Messages()
    {
        var clock = new ManualClock(1_000);
        var bus = new RecordingBus();
        var flow = new SwitchableFlow();
        var runner = new GatewayRunner(new InMemoryKeyStorage(), clock, new RecordingLog());
        var config = new GatewayConfig { GatewayId = 7, LinkKey = new byte[32], StatusIntervalMilliseconds = 1 };
        config.AddSensor(1, new byte[32]);
        Assert.True(runner.Start(config, new NativeCrypto(), new HardwareRandom(), bus, flow, new RecordingIndicator()));
        var afterStart = bus.Count; // the first status

        clock.Advance(10_000);
        Assert.True(await Eventually.TrueAsync(() => runner.HeldTicks >= 3));
        Assert.Equal(afterStart, bus.Count);
        Assert.Equal(0 + 1 + 1, flow.LastAsked); // no queued request, one peer, the status

        flow.Room = true;
        Assert.True(await Eventually.TrueAsync(() => bus.Count > afterStart));
    }

    private sealed class SwitchableFlow : IOutboundFlow
    {
        public volatile bool Room;

        public int LastAsked { get; private set; }

        public bool HasRoomFor(int messages)
        {
            LastAsked = messages;
            return Room;
        }

        public void Pump()
        {
        }
    }

    private sealed class RecordingBus : IMessageBus
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Publish(string topic, byte[] payload) => Interlocked.Increment(ref _count);

        public void Subscribe(string topicFilter)
        {
        }
    }
}
