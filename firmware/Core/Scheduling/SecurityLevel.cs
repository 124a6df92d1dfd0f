namespace GatewayQkd.Core.Scheduling
{
    /// <summary>
    /// The key security requirement K_sec of a request: 0 = plaintext (no key), 1..5 = keys of 128, 256, 512, 1024 and
    /// 2048 bits (DDKA paper s3.2).
    /// </summary>
    public static class SecurityLevel
    {
        /// <summary>The plaintext level: the message needs no key.</summary>
        public const int Plaintext = 0;

        /// <summary>The highest security level.</summary>
        public const int Highest = 5;

        /// <summary>Returns true when the level is one of 0..5.</summary>
        public static bool IsValid(int kSec)
        {
            return kSec >= Plaintext && kSec <= Highest;
        }

        /// <summary>Returns the key length in bits of a level: 0 for plaintext, 128 &lt;&lt; (level - 1) otherwise.</summary>
        public static int KeyBits(int kSec)
        {
            if (!IsValid(kSec))
            {
                throw new System.ArgumentOutOfRangeException("kSec", "K_sec must be 0..5.");
            }

            return kSec == Plaintext ? 0 : 128 << (kSec - 1);
        }
    }
}
