namespace GatewayQkd.Core.Gateway
{
    /// <summary>
    /// Indexes of the gateway's event counters, in the order a status frame carries them (new counters are appended,
    /// never reordered, so older readers stay correct).
    /// </summary>
    public enum GatewayCounter
    {
        /// <summary>Inbound frames accepted.</summary>
        FramesAccepted = 0,

        /// <summary>Frames rejected as too short, truncated or extended.</summary>
        RejectedLength = 1,

        /// <summary>Frames rejected for version, type or size limits.</summary>
        RejectedFormat = 2,

        /// <summary>Frames addressed elsewhere or on the wrong topic.</summary>
        RejectedAddress = 3,

        /// <summary>Frames from unknown senders or with a tag that does not verify.</summary>
        RejectedAuthentication = 4,

        /// <summary>Frames whose counter was not fresh.</summary>
        RejectedReplay = 5,

        /// <summary>Authentic frames with out-of-range fields.</summary>
        RejectedBody = 6,

        /// <summary>Key requests served with a key.</summary>
        RequestsServed = 7,

        /// <summary>Waiting responses sent.</summary>
        RequestsWaiting = 8,

        /// <summary>Requests dropped as insufficient (capacity or deadline).</summary>
        RequestsInsufficient = 9,

        /// <summary>Requests rejected (level, destination, queue full, duplicate).</summary>
        RequestsRejected = 10,

        /// <summary>Key blocks stored.</summary>
        BlocksStored = 11,

        /// <summary>Key blocks refused (duplicate, gap, full, invalid).</summary>
        BlocksRefused = 12,

        /// <summary>Supplement requests sent.</summary>
        SupplementsSent = 13,

        /// <summary>Key bytes issued to sensors.</summary>
        KeyBytesIssued = 14,

        /// <summary>Key bytes reserved but not delivered before a restart (burned at recovery).</summary>
        KeyBytesLost = 15,
    }
}
