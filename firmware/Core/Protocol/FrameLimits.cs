namespace GatewayQkd.Core.Protocol
{
    /// <summary>Fixed sizes and upper bounds of the wire format (docs/protocol.md s2); every decoder checks against them.</summary>
    public static class FrameLimits
    {
        /// <summary>The only protocol version this code reads and writes.</summary>
        public const byte Version = 1;

        /// <summary>Header bytes: version 1, type 1, sender 2, recipient 2, counter 4, body length 2.</summary>
        public const int HeaderLength = 12;

        /// <summary>Bytes of the frame tag (full HMAC-SHA256, RFC 2104).</summary>
        public const int TagLength = 32;

        /// <summary>Largest key a sensor may request or a response may carry, in bytes (8192 bits; 32 times the K_sec 5 key).</summary>
        public const int MaxKeyBytes = 1024;

        /// <summary>Largest key block a delivery may carry, in bytes (fits one MQTT packet of M2Mqtt's default buffers).</summary>
        public const int MaxBlockBytes = 2048;

        /// <summary>Most peers a status frame lists.</summary>
        public const int MaxStatusPeers = 32;

        /// <summary>Most counters a status frame carries.</summary>
        public const int MaxStatusCounters = 32;

        /// <summary>Highest DDKA security level K_sec (paper s3.2: levels 1..5 = 128..2048 bits; 0 = plaintext).</summary>
        public const int MaxSecurityLevel = 5;

        /// <summary>Largest telemetry payload a sensor may encrypt, in bytes.</summary>
        public const int MaxTelemetryBytes = 1024;

        /// <summary>Largest body any frame type may have, in bytes.</summary>
        public const int MaxBodyLength = KeyBlockMessage.BaseLength + MaxBlockBytes;
    }
}
