namespace GatewayQkd.Core.Protocol
{
    /// <summary>The outcome a key response reports (docs/protocol.md s6).</summary>
    public enum KeyResponseStatus : byte
    {
        /// <summary>Served: the response carries the key id and the wrapped key.</summary>
        Ok = 0,

        /// <summary>Queued: the pool cannot serve it yet and a supplement was requested; a later response follows.</summary>
        Waiting = 1,

        /// <summary>Dropped: the pool cannot serve it (larger than the pool can hold, or it waited past its deadline).</summary>
        Insufficient = 2,

        /// <summary>Refused for the reason given (bad level, unknown destination, queue full...).</summary>
        Rejected = 3,
    }
}
