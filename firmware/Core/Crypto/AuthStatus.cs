namespace GatewayQkd.Core.Crypto
{
    /// <summary>The outcome of opening an authenticated message; only <see cref="Authentic"/> yields plaintext.</summary>
    public enum AuthStatus
    {
        /// <summary>The tag verified and the plaintext was recovered.</summary>
        Authentic = 0,

        /// <summary>The input is shorter than the tag, so it cannot be a sealed message (truncated).</summary>
        TooShort = 1,

        /// <summary>The message length does not match the key length it needs (one-time pad: truncated or extended).</summary>
        LengthMismatch = 2,

        /// <summary>The tag did not verify: wrong key, wrong nonce or associated data, or tampered ciphertext or tag.</summary>
        BadTag = 3,
    }
}
