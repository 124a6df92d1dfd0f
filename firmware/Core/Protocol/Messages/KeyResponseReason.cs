namespace GatewayQkd.Core.Protocol
{
    /// <summary>Why a key request was not served (docs/protocol.md s6); <see cref="None"/> on success.</summary>
    public enum KeyResponseReason : byte
    {
        /// <summary>No problem (status Ok).</summary>
        None = 0,

        /// <summary>K_sec 0 is plaintext (paper s3.2): no key is issued for it.</summary>
        PlaintextLevel = 1,

        /// <summary>The destination peer has no key stream on this gateway.</summary>
        UnknownDestination = 2,

        /// <summary>The request queue is at capacity.</summary>
        QueueFull = 3,

        /// <summary>The sensor already has a request with this id queued.</summary>
        DuplicateRequest = 4,

        /// <summary>Not enough key in the pool for the destination now (status Waiting).</summary>
        PoolLow = 5,

        /// <summary>The request exceeds the pool's capacity and can never be served.</summary>
        ExceedsCapacity = 6,

        /// <summary>The request waited longer than the configured deadline.</summary>
        Expired = 7,

        /// <summary>The destination is a gateway-to-gateway stream this gateway only serves by key id (<see cref="SharedKeyRequestMessage"/>): the lower-id gateway of a pair initiates.</summary>
        FetchOnly = 8,

        /// <summary>The shared key asked for is no longer held: consumed, or passed over by a later shared key.</summary>
        KeyGone = 9,

        /// <summary>The shared key asked for has not been relayed to this gateway yet: ask again later.</summary>
        NotRelayedYet = 10,
    }
}
