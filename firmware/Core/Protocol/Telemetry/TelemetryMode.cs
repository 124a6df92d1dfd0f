namespace GatewayQkd.Core.Protocol
{
    /// <summary>How a telemetry payload is protected with its quantum key (docs/protocol.md s7).</summary>
    public enum TelemetryMode : byte
    {
        /// <summary>One-time pad + Poly1305 keyed with fresh key bytes: information-theoretic; spends plaintext length + 32 key bytes.</summary>
        OneTimePad = 1,

        /// <summary>AES-256-CTR + HMAC-SHA256 (encrypt-then-MAC) with keys derived from the whole quantum key by HKDF.</summary>
        AesCtrHmac = 2,
    }
}
