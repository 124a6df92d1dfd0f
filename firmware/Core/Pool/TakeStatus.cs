namespace GatewayQkd.Core.Pool
{
    /// <summary>The outcome of <see cref="KeyPool.Take"/>.</summary>
    public enum TakeStatus
    {
        /// <summary>The range was durably marked consumed and its bytes are returned.</summary>
        Taken = 0,

        /// <summary>The peer's pool holds fewer bytes than asked for; nothing changed.</summary>
        InsufficientKey = 1,

        /// <summary>The pool has never received a block from this peer; nothing changed.</summary>
        UnknownPeer = 2,
    }
}
