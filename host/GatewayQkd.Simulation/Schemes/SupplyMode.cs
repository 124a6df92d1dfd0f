namespace GatewayQkd.Simulation.Schemes;

/// <summary>How key material reaches the gateways' pools from the HAP.</summary>
public enum SupplyMode
{
    /// <summary>DDKA's: on demand, and below K_threshold_low up to K_threshold_high at the run's <see cref="SupplementTiming"/>.</summary>
    Thresholds,

    /// <summary>Threshold-triggered whenever the pool is below K_threshold_low (busy or not), amounts from the core policy.</summary>
    ThresholdsAnyTime,

    /// <summary>On-demand supplement of the missing bits only (no replenishment).</summary>
    OnDemandOnly,

    /// <summary>
    /// No supplement requests: the HAP's generation is shared among pools in proportion to their key utilization
    /// (capacity - K_sur) / capacity, re-divided whenever a request takes keys and whenever a pool fills.
    /// </summary>
    UtilizationShare,

    /// <summary>As <see cref="UtilizationShare"/> but re-divided once per t_slot and towards K_threshold_high (the earlier reading).</summary>
    SlottedDeficitShare,
}
