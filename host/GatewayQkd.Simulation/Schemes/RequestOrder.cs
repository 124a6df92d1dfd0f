namespace GatewayQkd.Simulation.Schemes;

/// <summary>How a gateway orders its waiting key requests.</summary>
public enum RequestOrder
{
    /// <summary>The core's DDKA order: slot, est ascending, arrival, sensor, request id.</summary>
    Ddka,

    /// <summary>First in, first out (arrival, sensor, request id); the head waits for keys.</summary>
    Fifo,

    /// <summary>FIFO scan, serve the first request that fits the pool (KoD's First-Fit).</summary>
    FirstFit,

    /// <summary>DSKP clusters: slot, then K_sec descending, then destination, then arrival.</summary>
    Clustered,
}
