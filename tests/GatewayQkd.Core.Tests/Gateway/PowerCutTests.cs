using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Gateway;

/// <summary>
/// The gateway loses power at every storage commit of a busy stretch (before, after or torn), restarts on what
/// survived and keeps serving: no key range is ever delivered twice and every delivered key is the stream's bytes.
/// </summary>
public sealed class PowerCutTests
{
    [Theory]
    [InlineData(CutOutcome.Before)]
    [InlineData(CutOutcome.After)]
    [InlineData(CutOutcome.Torn)]
    public void No_Key_Range_Is_Delivered_Twice_Whatever_Commit_The_Power_Fails_At(CutOutcome outcome)
    {
        var points = CommitsOfBusyStretch();
        Assert.True(points > 6, $"the stretch should exercise many commits, got {points}");

        for (var point = 1; point <= points; point++)
        {
            var flash = new PowerCutStorage();
            var h = new GatewayHarness(c => c.CapacityBits = 16384, flash);
            h.DeliverBlocks(6);
            flash.ArmCut(flash.CommitPoints + point, outcome);
            try
            {
                BusyStretch(h, 1);
            }
            catch (PowerCutException)
            {
                // power lost somewhere inside the stretch
            }

            Assert.True(flash.IsCut, $"cut point {point} was not reached");
            h.Reboot(flash.Reboot());
            h.NextBlock[0] = h.Service.Pool.NextBlockId(0); // the HAP resumes from the ack it last saw
            BusyStretch(h, 100);

            var served = h.AllKeys().ToList();
            Assert.NotEmpty(served);
            for (var i = 0; i < served.Count; i++)
            {
                Assert.Equal(KeyStreamModel.Bytes(0, served[i].Range.Offset, served[i].Range.Length), served[i].Key);
                for (var j = i + 1; j < served.Count; j++)
                {
                    Assert.False(served[i].Range.Overlaps(served[j].Range), $"cut {point} ({outcome}): {served[i].Range} and {served[j].Range} overlap");
                }
            }
        }
    }

    private static int CommitsOfBusyStretch()
    {
        var flash = new PowerCutStorage();
        var h = new GatewayHarness(c => c.CapacityBits = 16384, flash);
        h.DeliverBlocks(6);
        var before = flash.CommitPoints;
        BusyStretch(h, 1);
        return flash.CommitPoints - before;
    }

    // Requests from every sensor, a slot, more blocks, more requests, another slot.
    private static void BusyStretch(GatewayHarness h, uint firstRequestId)
    {
        var id = firstRequestId;
        foreach (var sensor in GatewayHarness.SensorIds)
        {
            h.Request(sensor, id++, 2, 256);
        }

        h.EndSlot();
        h.DeliverBlocks(2);
        foreach (var sensor in GatewayHarness.SensorIds)
        {
            h.Request(sensor, id++, 1, 128);
        }

        h.EndSlot();
    }
}
