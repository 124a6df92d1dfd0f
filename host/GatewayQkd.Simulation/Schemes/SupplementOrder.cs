namespace GatewayQkd.Simulation.Schemes;

/// <summary>How the HAP orders waiting supplement requests.</summary>
public enum SupplementOrder
{
    /// <summary>The core's DDKA order (slot, est of eq. (2), tie-break).</summary>
    Ddka,

    /// <summary>First in, first out.</summary>
    Fifo,

    /// <summary>DSKP: the pool with the fewest remaining keys first.</summary>
    LowestLevelFirst,
}
