using GatewayQkd.Simulation.Schemes;

namespace GatewayQkd.Simulation.Engine;

/// <summary>Any scheme's traits, derived from its definition and the run's supplement timing and read from fields.</summary>
internal readonly struct ConfiguredTraits(SchemeDefinition scheme, SupplementTiming timing) : ISchemeTraits
{
    public bool Requests { get; } = scheme.UsesSupplementRequests;

    public bool Thresholds { get; } = scheme.Supply is SupplyMode.Thresholds or SupplyMode.ThresholdsAnyTime;

    public bool IdleGaps { get; } = scheme.Supply == SupplyMode.Thresholds && timing == SupplementTiming.IdleGaps;

    public bool FirstFit { get; } = scheme.RequestOrder == RequestOrder.FirstFit;

    public bool UtilizationShare { get; } = scheme.Supply == SupplyMode.UtilizationShare;

    public bool SlottedShare { get; } = scheme.Supply == SupplyMode.SlottedDeficitShare;

    public RequestOrder RequestOrder { get; } = scheme.RequestOrder;

    public SupplementOrder SupplementOrder { get; } = scheme.SupplementOrder;
}
