using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Protocol;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Gateway;

/// <summary>The gateway reports its state on a schedule, and refuses a configuration it cannot run.</summary>
public sealed class StatusAndConfigTests
{
    [Fact]
    public void A_Missing_Port_Is_Refused_Naming_That_Port()
    {
        var h = new GatewayHarness();

        var error = Assert.Throws<ArgumentNullException>(() => new GatewayService(h.Config, h.Storage, h.Crypto, h.Random, new ManualClock(), null!, new RecordingIndicator(), new RecordingLog()));

        Assert.Equal("bus", error.ParamName);
    }

    [Fact]
    public void Status_Is_Published_At_Start_And_Every_Interval()
    {
        var h = new GatewayHarness(c => c.StatusIntervalMilliseconds = 2500);
        h.DeliverBlocks(2);
        h.Request(101, 1, 1, 128);

        for (var i = 0; i < 6; i++)
        {
            h.EndSlot();
        }

        var statuses = Open(h, h.Bus.PublishedOn(Topics.Status(GatewayHarness.GatewayId)));
        Assert.Equal(3, statuses.Count); // at 0 (start), then at the first ticks 2500 ms after the last: 3000 and 6000 ms
        var last = statuses[^1];
        Assert.Equal(6000, last.ClockMilliseconds);
        var level = Assert.Single(last.Levels);
        Assert.Equal((0, 2u * 512 - 128, 5120u), (level.PeerId, level.AvailableBits, level.CapacityBits));
        Assert.Equal(1u, last.Counters[(int)GatewayCounter.RequestsServed]);
        Assert.Equal(16u, last.Counters[(int)GatewayCounter.KeyBytesIssued]);
    }

    [Theory]
    [InlineData("GatewayId")]
    [InlineData("LinkKey")]
    [InlineData("Thresholds")]
    [InlineData("TradeOff")]
    [InlineData("Sensors")]
    public void Invalid_Configuration_Is_Refused_With_The_Setting_Named(string broken)
    {
        var config = new GatewayConfig { GatewayId = 7, LinkKey = new byte[32] };
        config.AddSensor(1, new byte[32]);
        switch (broken)
        {
            case "GatewayId": config.GatewayId = 0; break;
            case "LinkKey": config.LinkKey = new byte[16]; break;
            case "Thresholds": config.LowThresholdBits = config.HighThresholdBits + 8; break;
            case "TradeOff": config.TradeOff = 1.5; break;
            case "Sensors": config = new GatewayConfig { GatewayId = 7, LinkKey = new byte[32] }; break;
        }

        var error = Assert.Throws<ArgumentException>(config.Validate);

        Assert.Contains(broken == "Thresholds" ? "LowThresholdBits" : broken == "Sensors" ? "sensor" : broken, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_Sensors_Than_The_Replay_Table_Holds_Are_Refused_At_Configuration()
    {
        var config = new GatewayConfig { GatewayId = 7, LinkKey = new byte[32] };
        for (var id = 1; id <= ReplayGuard.MaxSenders + 1; id++)
        {
            config.AddSensor((ushort)id, new byte[32]);
        }

        var error = Assert.Throws<ArgumentException>(config.Validate);

        Assert.Contains("At most 1024 sensors", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Request_Finding_The_Sensor_Replay_Table_Full_Is_Refused_Not_Thrown()
    {
        // Marks left by 1,024 sensors of an earlier configuration fill the table; a configured sensor then has no room.
        var storage = new InMemoryKeyStorage();
        var stale = new ReplayGuard(storage, GatewayService.SensorReplayFile);
        for (var id = 0; id < ReplayGuard.MaxSenders; id++)
        {
            stale.Record((ushort)(2000 + id), 1);
        }

        var h = new GatewayHarness(storage: storage);
        h.DeliverBlocks(1);

        var status = h.Request(101, 1, 1, 128);
        h.EndSlot();

        Assert.Equal(FrameStatus.UnknownSender, status);
        Assert.Empty(h.AllKeys());
    }

    [Fact]
    public void Sensor_Configured_Twice_Is_Refused()
    {
        var config = new GatewayConfig();
        config.AddSensor(1, new byte[32]);

        Assert.Throws<ArgumentException>(() => config.AddSensor(1, new byte[32]));
    }

    private static List<GatewayStatusMessage> Open(GatewayHarness h, IEnumerable<PublishedMessage> messages)
    {
        return messages.Select(m => h.Hap.Open(m.Payload)).Select(r => Assert.IsType<GatewayStatusMessage>(r.Body)).ToList();
    }
}
