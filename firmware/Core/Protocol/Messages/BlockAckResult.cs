namespace GatewayQkd.Core.Protocol
{
    /// <summary>What the gateway did with a delivered key block.</summary>
    public enum BlockAckResult : byte
    {
        /// <summary>Stored durably in the pool.</summary>
        Stored = 0,

        /// <summary>Already held (a redelivery after a lost ack); nothing changed.</summary>
        Duplicate = 1,

        /// <summary>Not the next block of the stream (a gap); the sender should resend from the expected block.</summary>
        OutOfOrder = 2,

        /// <summary>The pool for that peer is full; the block was not stored.</summary>
        PoolFull = 3,

        /// <summary>The block contradicts the stream model (offset does not match its id); not stored.</summary>
        Invalid = 4,
    }
}
