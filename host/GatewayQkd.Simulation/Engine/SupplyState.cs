namespace GatewayQkd.Simulation.Engine;

/// <summary>Where a pool's supplement stands.</summary>
internal enum SupplyState : byte
{
    /// <summary>No supplement asked for or running.</summary>
    None,

    /// <summary>A supplement request waits at the HAP.</summary>
    Queued,

    /// <summary>The HAP streams the missing bits of waiting requests (on demand).</summary>
    OnDemand,

    /// <summary>The HAP streams a threshold replenishment towards K_threshold_high.</summary>
    Replenish,

    /// <summary>The pool gets a share of the HAP's continuous generation (RAKP).</summary>
    Shared,
}
