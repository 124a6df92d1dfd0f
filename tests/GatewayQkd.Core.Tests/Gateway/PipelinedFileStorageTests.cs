using GatewayQkd.Adapters;
using GatewayQkd.Core.Protocol;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Gateway;

/// <summary>
/// The gateway on the host's real folder storage behind the storage pipeline (PipelinedKeyStorage over FileKeyStorage,
/// as `bench pool` runs it): slots are served with distinct keys, and after a restart on the same folder every
/// answered frame is refused and serving goes on with fresh key bytes. The power-cut proof is GroupCommitPowerCutTests.
/// </summary>
public sealed class PipelinedFileStorageTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void Slots_Served_Through_The_Pipeline_Survive_A_Restart_On_The_Folder_With_Every_Answered_Frame_Refused()
    {
        var h = new GatewayHarness(c => c.CapacityBits = 16384, new FileKeyStorage(_temp.Path), pipelined: true);
        h.DeliverBlocks(8);
        var sent = new List<(ushort Sensor, byte[] Frame)>();
        uint id = 1;
        for (var slot = 0; slot < 3; slot++)
        {
            foreach (var sensor in GatewayHarness.SensorIds)
            {
                var frame = h.Sensors[sensor].BuildKeyRequest(id++, 0, 1, 128);
                sent.Add((sensor, frame));
                Assert.Equal(FrameStatus.Ok, h.Service.HandleMessage(Topics.Request(GatewayHarness.GatewayId, sensor), frame));
            }

            h.EndSlot();
        }

        h.Reboot(new FileKeyStorage(_temp.Path));
        foreach (var (sensor, frame) in sent)
        {
            Assert.Equal(FrameStatus.Replayed, h.Service.HandleMessage(Topics.Request(GatewayHarness.GatewayId, sensor), frame));
        }

        h.Request(101, id, 1, 128);
        h.EndSlot();

        var keys = h.AllKeys().ToList();
        Assert.Equal(sent.Count + 1, keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            Assert.Equal(KeyStreamModel.Bytes(0, keys[i].Range.Offset, keys[i].Range.Length), keys[i].Key);
            for (var j = i + 1; j < keys.Count; j++)
            {
                Assert.False(keys[i].Range.Overlaps(keys[j].Range), $"{keys[i].Range} and {keys[j].Range} overlap");
            }
        }
    }

    public void Dispose() => _temp.Dispose();
}
