using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Gateway
{
    /// <summary>Maps the pool's ingest outcome to the result an acknowledgement reports to the HAP/CS.</summary>
    internal static class BlockAckResults
    {
        public static BlockAckResult From(IngestResult result)
        {
            switch (result)
            {
                case IngestResult.Accepted:
                    return BlockAckResult.Stored;
                case IngestResult.Duplicate:
                case IngestResult.AlreadyConsumed:
                    return BlockAckResult.Duplicate;
                case IngestResult.Gap:
                    return BlockAckResult.OutOfOrder;
                case IngestResult.CapacityExceeded:
                case IngestResult.BlockLimitReached:
                case IngestResult.TooManyPeers:
                    return BlockAckResult.PoolFull;
                default:
                    return BlockAckResult.Invalid;
            }
        }
    }
}
