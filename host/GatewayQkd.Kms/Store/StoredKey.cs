using GatewayQkd.Core.Pool;

namespace GatewayQkd.Kms.Store;

/// <summary>A key handed out by the store: the range on the stream's key stream and its bytes.</summary>
/// <param name="Stream">The stream the key belongs to.</param>
/// <param name="Range">The range, with <see cref="KeyRange.PeerId"/> = <see cref="KeyStreamId.PeerId"/> (the
/// gateway's view of the stream).</param>
/// <param name="Key">The key bytes (a fresh copy).</param>
public sealed record StoredKey(KeyStreamId Stream, KeyRange Range, byte[] Key)
{
    /// <summary>Gets the key's id in the view of the stream's higher node (what its key_ID encodes).</summary>
    public GatewayKeyId Id => new(Stream.GatewayId, Range, Stream.Use);
}
