using GatewayQkd.Simulation.Schemes;

namespace GatewayQkd.Simulation.Engine;

/// <summary>DDKA with replenishment in idle gaps (the default options, and the scale preset) as constants.</summary>
internal readonly struct DdkaTraits : ISchemeTraits
{
    public bool Requests => true;

    public bool Thresholds => true;

    public bool IdleGaps => true;

    public bool FirstFit => false;

    public bool UtilizationShare => false;

    public bool SlottedShare => false;

    public RequestOrder RequestOrder => RequestOrder.Ddka;

    public SupplementOrder SupplementOrder => SupplementOrder.Ddka;

    /// <summary>Returns whether a run of these options is the scheme these constants describe.</summary>
    public static bool Describes(SchemeDefinition scheme, SimulationOptions options) =>
        scheme.RequestOrder == RequestOrder.Ddka && scheme.Supply == SupplyMode.Thresholds
        && scheme.SupplementOrder == SupplementOrder.Ddka && options.SupplementTiming == SupplementTiming.IdleGaps;
}
