using GatewayQkd.Emulation.Benchmarks;
using GatewayQkd.Emulation.Broker;

namespace GatewayQkd.Emulation.Tests.Benchmarks;

/// <summary>How the capacity ladder sizes each step's load, and the raw publish rate with many connections.</summary>
public sealed class CapacityBenchmarkTests
{
    private static readonly CapacitySettings Ladder = new(100, 200, 1.5, 4, 1, 0.5, 0.05, "/tmp");

    [Fact]
    public void A_Step_Spreads_The_Offered_Load_Over_The_Gateways_As_One_Sensor_Each()
    {
        var load = CapacityBenchmark.Load(Ladder, 20_000);

        Assert.Equal(1 / 200.0, load.RequestMeanIntervalSeconds, 12); // 200 requests/s per gateway
        Assert.Equal(0.05, load.SlotSeconds);
        Assert.Equal(0.5, load.WarmUpSeconds);
    }

    [Fact]
    public void A_Step_Supplies_Eight_Times_The_Bits_Its_Largest_Keys_Would_Draw_So_The_Pools_Never_Limit()
    {
        var load = CapacityBenchmark.Load(Ladder, 20_000);

        Assert.Equal(200 * 256 * 8, load.KeyRateBitsPerSecond); // K_sec 2 draws 256-bit keys
        Assert.True(load.PoolCapacityBits >= load.BlockBytes * 8 * 8, "a pool holds several blocks");
    }

    [Fact]
    public void A_Step_Holds_Its_Sensors_Until_Every_Pool_Is_Three_Quarters_Full()
    {
        var load = CapacityBenchmark.Load(Ladder, 200);

        Assert.Equal(load.PoolCapacityBits * 3 / 4, load.ReadyBits);
    }

    [Fact]
    public void A_Step_Sends_Status_Frames_At_The_Firmware_Default_Interval()
    {
        var load = CapacityBenchmark.Load(Ladder, 200);

        Assert.Equal(new Core.Gateway.GatewayConfig().StatusIntervalMilliseconds, load.StatusIntervalSeconds * 1000);
        Assert.Equal(10, load.StatusIntervalSeconds); // firmware/Core/Gateway/GatewayConfig.cs
    }

    [Fact]
    public void A_Step_Ends_The_Gateways_Slots_At_Ten_Instants_Per_Slot_As_Boards_Booted_Apart()
    {
        var load = CapacityBenchmark.Load(Ladder, 200);

        Assert.Equal(10, load.SlotPhases);
        Assert.Equal(1, CapacityBenchmark.Load(Ladder with { SlotPhases = 1 }, 200).SlotPhases); // --slot-phases 1: all at once
        Assert.Equal(5, Emulation.Timing.SlotPhases.Offset(1, load.SlotPhases, 50)); // 5 ms apart with 50 ms slots
    }

    [Fact]
    public async Task The_Raw_Rate_With_Many_Connections_Counts_Every_Message_Delivered()
    {
        await using var broker = await EmbeddedBroker.StartAsync();

        var rate = await MqttPublishBenchmark.RunAsync(broker.Endpoint, 100, 64, 5); // returns only once all 100 arrived

        Assert.True(rate > 0 && double.IsFinite(rate), $"rate {rate}");
    }

    [Fact]
    public async Task The_Raw_Rate_Refuses_Fewer_Than_Two_Connections()
    {
        await using var broker = await EmbeddedBroker.StartAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => MqttPublishBenchmark.RunAsync(broker.Endpoint, 100, 64, 1));
    }
}
