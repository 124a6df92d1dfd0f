namespace GatewayQkd.Kms.Store;

/// <summary>
/// How much key material one stream holds. Generated = every block appended; acknowledged = blocks the gateway
/// confirmed; used = ranges consumed or delivered (never handed out again); stored = generated minus used, the
/// material still held; available = the unused part of the acknowledged prefix, which is what enc_keys can hand out.
/// The acknowledged prefix ends where the first block not yet acknowledged starts (acks can arrive out of order when
/// blocks are resent); only key below it is served over ETSI 014.
/// </summary>
public sealed record KeyStreamCounts(
    KeyStreamId Stream,
    long Blocks,
    long AcknowledgedBlocks,
    long GeneratedBytes,
    long AcknowledgedBytes,
    long UsedBytes,
    long AvailableBytes,
    long AcknowledgedPrefixBytes)
{
    /// <summary>Gets the bytes generated but not used yet.</summary>
    public long StoredBytes => GeneratedBytes - UsedBytes;

    /// <summary>Gets <see cref="GeneratedBytes"/> in bits.</summary>
    public long GeneratedBits => GeneratedBytes * 8;

    /// <summary>Gets <see cref="AcknowledgedBytes"/> in bits.</summary>
    public long AcknowledgedBits => AcknowledgedBytes * 8;

    /// <summary>Gets <see cref="UsedBytes"/> in bits.</summary>
    public long UsedBits => UsedBytes * 8;

    /// <summary>Gets <see cref="StoredBytes"/> in bits.</summary>
    public long StoredBits => StoredBytes * 8;

    /// <summary>Gets <see cref="AvailableBytes"/> in bits.</summary>
    public long AvailableBits => AvailableBytes * 8;
}
