using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Tests.Gateway;

/// <summary>Within a slot requests are served by est ascending (DDKA eq. (1)); across slots, by arrival.</summary>
public sealed class DdkaOrderTests
{
    [Fact]
    public void Serves_A_Slot_In_Ascending_Est_Order()
    {
        var h = new GatewayHarness(c => c.TradeOff = 0.5);
        h.DeliverBlocks(8);
        (ushort Sensor, int KSec, int KQua)[] requests = [(101, 1, 1024), (102, 5, 256), (103, 3, 128), (104, 2, 512)];
        foreach (var (sensor, kSec, kQua) in requests)
        {
            h.Request(sensor, 1, kSec, kQua);
        }

        h.EndSlot();

        // est(K) = (1 - w) ln K_qua + w ln(10 - K_sec), computed here from the paper's equation, ascending.
        var expected = requests.OrderBy(r => (0.5 * Math.Log(r.KQua)) + (0.5 * Math.Log(10 - r.KSec))).Select(r => Topics.Response(GatewayHarness.GatewayId, r.Sensor));
        var actual = h.Bus.PublishedOn("qkd/gn/7/resp/+").Select(m => m.Topic);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Earlier_Slot_Is_Served_Before_A_Lighter_Later_Request()
    {
        var h = new GatewayHarness();
        h.DeliverBlocks(8);
        h.Request(101, 1, 1, 1024); // heavy, slot 0
        h.Service.Tick(h.Clock.Advance(h.Config.SlotMilliseconds));
        h.Request(102, 1, 5, 128); // light, slot 1
        h.Clock.Advance(h.Config.SlotMilliseconds);

        h.EndSlot();

        Assert.Equal(["qkd/gn/7/resp/101", "qkd/gn/7/resp/102"], h.Bus.PublishedOn("qkd/gn/7/resp/+").Select(m => m.Topic));
    }
}
