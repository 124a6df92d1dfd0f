namespace GatewayQkd.Simulation.Schemes;

/// <summary>How a gateway orders its waiting key requests (every order ends with arrival, sensor id, request id).</summary>
public enum RequestOrder
{
    /// <summary>The core's DDKA order: arrival slot, then est(K) of eq. (5) at the run's w.</summary>
    Ddka,

    /// <summary>The DDKA order at w = 0: arrival slot, then ln K_qua, so the smallest request first.</summary>
    DdkaOmegaZero,

    /// <summary>First in, first out; the head waits for keys.</summary>
    Fifo,

    /// <summary>FIFO scan, serve the first request that fits the pool; otherwise the head waits.</summary>
    FirstFit,

    /// <summary>Arrival slot, then destination gateway (requests to the same destination together).</summary>
    ClusteredByDestination,

    /// <summary>Arrival slot, then K_sec descending, then destination gateway.</summary>
    ClusteredBySecurity,
}
