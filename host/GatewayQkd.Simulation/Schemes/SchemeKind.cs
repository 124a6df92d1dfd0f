namespace GatewayQkd.Simulation.Schemes;

/// <summary>
/// The key allocation schemes the simulator compares (DDKA paper s4.2) and the named alternative readings of the
/// baselines; the sentence each reading comes from is quoted in docs/simulation.md.
/// </summary>
public enum SchemeKind
{
    /// <summary>DDKA-QKDN: DDKA order, on-demand plus threshold supplement, supplements in DDKA order.</summary>
    Ddka,

    /// <summary>KoD, default reading: "equivalent to the case of omega = 0", no supplement process (on demand only).</summary>
    Kod,

    /// <summary>RAKP, default reading: requests by key utilization (smallest share of the pool first), utilization-share generation.</summary>
    Rakp,

    /// <summary>DSKP, default reading: clusters by destination, threshold supplement any time, lowest pool first.</summary>
    Dskp,

    /// <summary>Paper's S1: no est sorting and no dynamic (threshold) supplement.</summary>
    S1,

    /// <summary>Paper's S2: no est sorting, with dynamic supplement.</summary>
    S2,

    /// <summary>Paper's S3: est sorting, no dynamic supplement.</summary>
    S3,

    /// <summary>KoD read as FIFO First-Fit over the waiting requests, on demand only (the earlier reading).</summary>
    KodFirstFit,

    /// <summary>RAKP read as FIFO with the HAP's time shared by deficit below K_threshold_high every t_slot (the earlier reading).</summary>
    RakpSlotted,

    /// <summary>DSKP read with clusters by K_sec (highest first) and then destination (the earlier reading).</summary>
    DskpBySecurity,
}
