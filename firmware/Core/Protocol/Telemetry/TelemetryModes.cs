namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// The mapping from a DDKA security level to a telemetry protection and the key it needs (docs/protocol.md s7):
    /// K_sec 4 and 5, the two highest levels, get the one-time pad (information-theoretic secrecy, the point of a
    /// quantum key), which spends plaintext + 32 bytes of key per message; K_sec 1..3 get AES-256-CTR + HMAC-SHA256
    /// keyed from the level's key (128, 256 or 512 bits), which spends one key per message whatever its length.
    /// </summary>
    public static class TelemetryModes
    {
        /// <summary>The lowest level that uses the one-time pad.</summary>
        public const int FirstOneTimePadLevel = 4;

        /// <summary>Returns the protection for K_sec 1..5.</summary>
        public static TelemetryMode ForLevel(int securityLevel)
        {
            FieldCheck.InRange("K_sec", securityLevel, 1, FrameLimits.MaxSecurityLevel);
            return securityLevel >= FirstOneTimePadLevel ? TelemetryMode.OneTimePad : TelemetryMode.AesCtrHmac;
        }

        /// <summary>Returns the level's key size in bytes (paper s3.2: 128 x 2^(K_sec - 1) bits).</summary>
        public static int LevelKeyBytes(int securityLevel)
        {
            FieldCheck.InRange("K_sec", securityLevel, 1, FrameLimits.MaxSecurityLevel);
            return 16 << (securityLevel - 1);
        }

        /// <summary>
        /// Returns the K_qua in bits a sensor should request at this level to send one message of up to
        /// <paramref name="maxPlaintextBytes"/>: the level's key, or for the one-time pad the message + 32 bytes if larger.
        /// </summary>
        public static int RequiredKeyBits(int securityLevel, int maxPlaintextBytes)
        {
            FieldCheck.InRange("plaintext bytes", maxPlaintextBytes, 0, FrameLimits.MaxTelemetryBytes);
            int bytes = LevelKeyBytes(securityLevel);
            if (ForLevel(securityLevel) == TelemetryMode.OneTimePad && maxPlaintextBytes + 32 > bytes)
            {
                bytes = maxPlaintextBytes + 32;
            }

            return bytes * 8;
        }
    }
}
