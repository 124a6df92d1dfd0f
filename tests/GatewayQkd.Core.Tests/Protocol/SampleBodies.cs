using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Tests.Protocol;

/// <summary>One valid body of every sealed frame type, for the mutation and replay properties.</summary>
internal static class SampleBodies
{
    public static FrameBody[] All { get; } =
    [
        new KeyRequestMessage(42, 0, 3, 512),
        KeyResponseMessage.Served(42, 0, 4096, Enumerable.Range(200, 16).Select(i => (byte)i).ToArray(), Enumerable.Range(0, 64).Select(i => (byte)i).ToArray()),
        KeyResponseMessage.NotServed(43, KeyResponseStatus.Waiting, KeyResponseReason.PoolLow),
        new KeyBlockMessage(0, 3, 3072, Enumerable.Range(100, 16).Select(i => (byte)i).ToArray(), Enumerable.Range(0, 100).Select(i => (byte)(255 - i)).ToArray()),
        new BlockAckMessage(0, 3, BlockAckResult.Stored, 4, 8192),
        new SupplementMessage(0, SupplementMessage.ReasonInsufficientKeys, 1024, 2048, 4096, 512, 5, 4.25),
        new GatewayStatusMessage(123456, 2, 3, [new PeerLevel(0, 1280, 5120), new PeerLevel(9, 0, 5120)], [1, 2, 3, 4]),
        new PoolResyncMessage(0, 9, 4096, 1000, 512, [2, 5], [3, 8]),
        new KeyRelayMessage(3, 2, 128, Enumerable.Range(50, 16).Select(i => (byte)i).ToArray(), Enumerable.Range(0, 64).Select(i => (byte)i).ToArray(), Enumerable.Range(0, 64).Select(i => (byte)(i * 7)).ToArray()),
        new SharedKeyRequestMessage(44, 3, 55, 4, 4096, 80),
    ];

    /// <summary>Gets the samples as xunit theory rows (index into <see cref="All"/>).</summary>
    public static TheoryData<int> Indexes
    {
        get
        {
            var data = new TheoryData<int>();
            for (var i = 0; i < All.Length; i++)
            {
                data.Add(i);
            }

            return data;
        }
    }
}
