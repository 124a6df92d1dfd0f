namespace GatewayQkd.Simulation.Schemes;

/// <summary>A scheme as three choices: request order, supply mode and supplement order.</summary>
public sealed record SchemeDefinition(SchemeKind Kind, string Name, RequestOrder RequestOrder, SupplyMode Supply, SupplementOrder SupplementOrder)
{
    /// <summary>Gets every scheme in display order.</summary>
    public static IReadOnlyList<SchemeDefinition> All { get; } =
    [
        new(SchemeKind.Ddka, "DDKA", RequestOrder.Ddka, SupplyMode.OnDemandWithThresholds, SupplementOrder.Ddka),
        new(SchemeKind.Kod, "KoD", RequestOrder.FirstFit, SupplyMode.OnDemandOnly, SupplementOrder.Fifo),
        new(SchemeKind.Rakp, "RAKP", RequestOrder.Fifo, SupplyMode.ResidualAdaptive, SupplementOrder.Fifo),
        new(SchemeKind.Dskp, "DSKP", RequestOrder.Clustered, SupplyMode.OnDemandWithThresholds, SupplementOrder.LowestLevelFirst),
        new(SchemeKind.S1, "S1", RequestOrder.Fifo, SupplyMode.OnDemandOnly, SupplementOrder.Fifo),
        new(SchemeKind.S2, "S2", RequestOrder.Fifo, SupplyMode.OnDemandWithThresholds, SupplementOrder.Fifo),
        new(SchemeKind.S3, "S3", RequestOrder.Ddka, SupplyMode.OnDemandOnly, SupplementOrder.Ddka),
    ];

    /// <summary>Gets the definition of a scheme.</summary>
    public static SchemeDefinition Of(SchemeKind kind) => All.Single(s => s.Kind == kind);

    /// <summary>Parses a scheme name (case-insensitive), or returns null.</summary>
    public static SchemeDefinition? TryParse(string name) =>
        All.SingleOrDefault(s => string.Equals(s.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
