namespace GatewayQkd.Simulation.Schemes;

/// <summary>A scheme as three choices: request order, supply mode and supplement order.</summary>
public sealed record SchemeDefinition(SchemeKind Kind, string Name, RequestOrder RequestOrder, SupplyMode Supply, SupplementOrder SupplementOrder)
{
    /// <summary>Gets every scheme in display order: DDKA, the paper's baselines and S1-S3, then the alternative readings.</summary>
    public static IReadOnlyList<SchemeDefinition> All { get; } =
    [
        new(SchemeKind.Ddka, "DDKA", RequestOrder.Ddka, SupplyMode.Thresholds, SupplementOrder.Ddka),
        new(SchemeKind.Kod, "KoD", RequestOrder.DdkaOmegaZero, SupplyMode.OnDemandOnly, SupplementOrder.Fifo),
        new(SchemeKind.Rakp, "RAKP", RequestOrder.DdkaOmegaZero, SupplyMode.UtilizationShare, SupplementOrder.Fifo),
        new(SchemeKind.Dskp, "DSKP", RequestOrder.ClusteredByDestination, SupplyMode.ThresholdsAnyTime, SupplementOrder.LowestLevelFirst),
        new(SchemeKind.S1, "S1", RequestOrder.Fifo, SupplyMode.OnDemandOnly, SupplementOrder.Fifo),
        new(SchemeKind.S2, "S2", RequestOrder.Fifo, SupplyMode.Thresholds, SupplementOrder.Fifo),
        new(SchemeKind.S3, "S3", RequestOrder.Ddka, SupplyMode.OnDemandOnly, SupplementOrder.Ddka),
        new(SchemeKind.KodFirstFit, "KoD-FirstFit", RequestOrder.FirstFit, SupplyMode.OnDemandOnly, SupplementOrder.Fifo),
        new(SchemeKind.RakpSlotted, "RAKP-Slotted", RequestOrder.Fifo, SupplyMode.SlottedDeficitShare, SupplementOrder.Fifo),
        new(SchemeKind.DskpBySecurity, "DSKP-BySecurity", RequestOrder.ClusteredBySecurity, SupplyMode.ThresholdsAnyTime, SupplementOrder.LowestLevelFirst),
    ];

    /// <summary>Gets the schemes of the paper's comparison (Figs. 10-13): DDKA, KoD, RAKP, DSKP, S1, S2, S3.</summary>
    public static IReadOnlyList<SchemeKind> Paper { get; } =
        [SchemeKind.Ddka, SchemeKind.Kod, SchemeKind.Rakp, SchemeKind.Dskp, SchemeKind.S1, SchemeKind.S2, SchemeKind.S3];

    /// <summary>Gets whether the scheme's supply comes from supplement requests to the HAP (not a shared stream).</summary>
    public bool UsesSupplementRequests => Supply is SupplyMode.Thresholds or SupplyMode.ThresholdsAnyTime or SupplyMode.OnDemandOnly;

    /// <summary>Gets the definition of a scheme.</summary>
    public static SchemeDefinition Of(SchemeKind kind) => All.Single(s => s.Kind == kind);

    /// <summary>Parses a scheme name (case-insensitive), or returns null.</summary>
    public static SchemeDefinition? TryParse(string name) =>
        All.SingleOrDefault(s => string.Equals(s.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
