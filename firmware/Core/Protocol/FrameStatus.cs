namespace GatewayQkd.Core.Protocol
{
    /// <summary>The result of decoding and verifying one inbound frame (docs/protocol.md s5); only <see cref="Ok"/> changes state.</summary>
    public enum FrameStatus
    {
        /// <summary>Well formed, addressed here, authentic and fresh; the replay mark has been committed.</summary>
        Ok = 0,

        /// <summary>Fewer bytes than the smallest possible frame, or a field ran past the end.</summary>
        Truncated = 1,

        /// <summary>The version byte is not <see cref="FrameLimits.Version"/>.</summary>
        UnsupportedVersion = 2,

        /// <summary>The type byte names no known frame type.</summary>
        UnknownType = 3,

        /// <summary>The byte count differs from header + declared body length + tag (truncated or extended).</summary>
        LengthMismatch = 4,

        /// <summary>The declared body is larger than that frame type allows.</summary>
        BodyTooLarge = 5,

        /// <summary>The frame is addressed to another node.</summary>
        WrongRecipient = 6,

        /// <summary>No key is configured for the sender.</summary>
        UnknownSender = 7,

        /// <summary>The frame type is not accepted on this channel (topic).</summary>
        UnexpectedType = 8,

        /// <summary>The tag does not verify: forged, corrupted or sealed under another key.</summary>
        BadTag = 9,

        /// <summary>The counter is not above the sender's high-water mark: a replay or a reordered old frame.</summary>
        Replayed = 10,

        /// <summary>Authentic, but a body field is out of range or the body has bytes left over.</summary>
        MalformedBody = 11,

        /// <summary>The topic is not one this node handles, or names a different sender than the frame.</summary>
        BadTopic = 12,
    }
}
