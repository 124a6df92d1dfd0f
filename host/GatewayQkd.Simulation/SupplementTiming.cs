namespace GatewayQkd.Simulation;

/// <summary>
/// When DDKA's threshold replenishment (below K_threshold_low, up to K_threshold_high) may run. Table 4 lines 15-18:
/// "supplement keys for the QKP P_ij in the interval time between two key requests ... stop supplement keys till key
/// surplus reach K_threshold_high"; s3.5: "when the QKP, the OLT and the ONU are in the idle time slot".
/// </summary>
public enum SupplementTiming
{
    /// <summary>
    /// Only while no request waits at the pool (default, Table 4 line 16): the gap ends when the next request arrives,
    /// which stops the replenishment and frees the HAP; the next gap asks again. On-demand supplements (K_qua &gt;
    /// K_sur, lines 11-14) bring only the missing bits.
    /// </summary>
    IdleGaps,

    /// <summary>Whenever the pool is below K_threshold_low, busy or not, and on demand up to K_threshold_high (the core policy's amounts).</summary>
    Continuous,
}
