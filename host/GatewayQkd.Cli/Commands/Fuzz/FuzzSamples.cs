using GatewayQkd.Adapters;
using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Cli.Commands.Fuzz;

/// <summary>Valid inputs the fuzz targets start from: one body of every sealed frame type, and a telemetry frame.</summary>
internal static class FuzzSamples
{
    public static FrameType[] SealedTypes { get; } =
    [
        FrameType.KeyRequest, FrameType.KeyResponse, FrameType.KeyBlockDelivery, FrameType.BlockAck,
        FrameType.SupplementRequest, FrameType.GatewayStatus, FrameType.PoolResync,
    ];

    public static FrameBody[] Bodies { get; } =
    [
        new KeyRequestMessage(42, 0, 3, 512),
        KeyResponseMessage.Served(42, 0, 4096, Enumerable.Range(0, KeyWrap.SaltLength).Select(i => (byte)(i * 7)).ToArray(), Enumerable.Range(0, 64).Select(i => (byte)i).ToArray()),
        KeyResponseMessage.NotServed(43, KeyResponseStatus.Waiting, KeyResponseReason.PoolLow),
        new KeyBlockMessage(0, 3, 3072, Enumerable.Range(0, KeyWrap.SaltLength).Select(i => (byte)(i * 11)).ToArray(), Enumerable.Range(0, 100).Select(i => (byte)(255 - i)).ToArray()),
        new BlockAckMessage(0, 3, BlockAckResult.Stored, 4, 8192),
        new SupplementMessage(0, SupplementMessage.ReasonInsufficientKeys, 1024, 2048, 4096, 512, 5, 4.25),
        new GatewayStatusMessage(123456, 2, 3, [new PeerLevel(0, 1280, 5120), new PeerLevel(9, 0, 5120)], [1, 2, 3, 4]),
        new PoolResyncMessage(0, 9, 4096, 1000, 512, [2, 5], [3, 8]),
    ];

    public static byte[] Telemetry { get; } = new TelemetryCodec(new HostCryptoPrimitives()).Seal(
        new TelemetryHeader(101, 7, 1, new KeyRange(0, 0, 64), TelemetryMode.AesCtrHmac, 16),
        Enumerable.Range(0, 64).Select(i => (byte)(i * 3)).ToArray(),
        Enumerable.Range(0, 16).Select(i => (byte)i).ToArray());
}
