namespace GatewayQkd.Emulation.Benchmarks;

/// <summary>Where a benchmark point is in its <see cref="MeasurementWindow"/>.</summary>
public enum WindowPhase
{
    /// <summary>The sensors are held while the HAP fills every gateway's pool to the ready level.</summary>
    Filling,

    /// <summary>Every pool was ready, the sensors run, nothing is counted yet (connections settle, serve paths are jitted).</summary>
    WarmingUp,

    /// <summary>The window is open: counters and latencies from its first sample on are the point's figures.</summary>
    Measuring,

    /// <summary>The window closed at the sample that ended it; the run may stop.</summary>
    Done,

    /// <summary>The pools did not all reach the ready level within the fill limit: the point has no figures.</summary>
    FillTimedOut,
}
