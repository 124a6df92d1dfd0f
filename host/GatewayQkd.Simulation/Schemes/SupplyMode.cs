namespace GatewayQkd.Simulation.Schemes;

/// <summary>How key material reaches the gateways' pools from the HAP.</summary>
public enum SupplyMode
{
    /// <summary>Supplement requests from the core's policy: on demand and below K_threshold_low up to K_threshold_high.</summary>
    OnDemandWithThresholds,

    /// <summary>On-demand supplement of the missing bits only (no idle-slot replenishment).</summary>
    OnDemandOnly,

    /// <summary>Generation shared every t_slot in proportion to each pool's deficit (K_threshold_high - K_sur), no requests.</summary>
    ResidualAdaptive,
}
