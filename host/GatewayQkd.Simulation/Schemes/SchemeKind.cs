namespace GatewayQkd.Simulation.Schemes;

/// <summary>The key allocation schemes the simulator compares (DDKA paper s4.2); how each is read: docs/simulation.md.</summary>
public enum SchemeKind
{
    /// <summary>DDKA-QKDN: DDKA order, on-demand plus low/high threshold supplement, supplements in DDKA order.</summary>
    Ddka,

    /// <summary>KoD (Cao et al. 2017): keys generated on demand only (no supplement process), FIFO first-fit allocation.</summary>
    Kod,

    /// <summary>RAKP (Meng et al. 2020): FIFO, generation shared in proportion to each pool's deficit below K_threshold_high.</summary>
    Rakp,

    /// <summary>DSKP (Wang et al. 2021): clustered consumption, threshold supplement served lowest pool first.</summary>
    Dskp,

    /// <summary>Paper's S1: no est sorting and no dynamic (threshold) supplement.</summary>
    S1,

    /// <summary>Paper's S2: no est sorting, with dynamic supplement.</summary>
    S2,

    /// <summary>Paper's S3: est sorting, no dynamic supplement.</summary>
    S3,
}
