namespace GatewayQkd.Kms.Store;

/// <summary>
/// The streams row: counters kept beside the blocks so appends and counts are O(1). The acknowledged prefix is the
/// run of blocks 0..n-1 all acknowledged; the material below its end is held by both the store and the gateway.
/// </summary>
internal sealed class StreamState
{
    public StreamState(KeyStreamId stream) => Stream = stream;

    public KeyStreamId Stream { get; }

    public long NextBlock { get; set; }

    public long NextOffset { get; set; }

    public long AckedBlocks { get; set; }

    public long AckedBytes { get; set; }

    public long AckedPrefixBlocks { get; set; }

    public long AckedPrefixEnd { get; set; }

    public long UsedBytes { get; set; }
}
