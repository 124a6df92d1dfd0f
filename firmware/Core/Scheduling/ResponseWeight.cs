namespace GatewayQkd.Core.Scheduling
{
    /// <summary>
    /// The response weight est(K) = (1 - w) ln(K_qua) + w ln(10 - K_sec) of a key or supplement request (DDKA eq. (5),
    /// also eqs. (1) and (2)); smaller weights are served first.
    /// </summary>
    public static class ResponseWeight
    {
        /// <summary>Returns true when the trade-off w lies in [0, 1] (false for NaN).</summary>
        public static bool IsValidTradeOff(double w)
        {
            return w >= 0.0 && w <= 1.0;
        }

        /// <summary>Computes est(K) for a positive quantity in bits, a level 0..5 and a trade-off w in [0, 1].</summary>
        public static double Estimate(int kQuaBits, int kSec, double w)
        {
            if (kQuaBits <= 0)
            {
                throw new System.ArgumentOutOfRangeException("kQuaBits", "K_qua must be positive: ln(K_qua) is undefined otherwise.");
            }

            if (!SecurityLevel.IsValid(kSec))
            {
                throw new System.ArgumentOutOfRangeException("kSec", "K_sec must be 0..5.");
            }

            if (!IsValidTradeOff(w))
            {
                throw new System.ArgumentOutOfRangeException("w", "The trade-off w must lie in [0, 1].");
            }

            // DDKA eq. (5): a smaller K_qua (less link time) and a higher K_sec (more sensitive data) lower the weight.
            return (1.0 - w) * System.Math.Log(kQuaBits) + w * System.Math.Log(10 - kSec);
        }
    }
}
