using GatewayQkd.Core.Pool;

namespace GatewayQkd.Kms.Store;

/// <summary>
/// A key id as the central store sees it: a <see cref="KeyRange"/> on the key stream gateway
/// <see cref="GatewayId"/> shares with <see cref="KeyRange.PeerId"/> (the id a gateway gives its sensors, plus the
/// gateway it came from), on the stream for <see cref="Use"/>.
/// </summary>
/// <param name="GatewayId">The gateway whose view the range is in.</param>
/// <param name="Range">The range on that gateway's stream with the range's peer.</param>
/// <param name="Use">Which of the pair's streams (default: the sensors' stream).</param>
public sealed record GatewayKeyId(ushort GatewayId, KeyRange Range, KeyStreamUse Use = KeyStreamUse.Sensors)
{
    /// <summary>Gets the stream the key lies on.</summary>
    public KeyStreamId Stream => KeyStreamId.Of(GatewayId, Range.PeerId, Use);
}
