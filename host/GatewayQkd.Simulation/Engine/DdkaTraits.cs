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

    /// <summary>
    /// Returns whether a run of these options is the scheme these constants describe: the traits
    /// <see cref="ConfiguredTraits"/> derives for it are these constants, so the rule of which run is DDKA's is that
    /// derivation and not a second one restated here.
    /// </summary>
    public static bool Describes(SchemeDefinition scheme, SimulationOptions options)
    {
        ISchemeTraits derived = new ConfiguredTraits(scheme, options.SupplementTiming);
        ISchemeTraits constants = default(DdkaTraits);
        return (derived.Requests, derived.Thresholds, derived.IdleGaps, derived.FirstFit, derived.UtilizationShare, derived.SlottedShare, derived.RequestOrder, derived.SupplementOrder)
            == (constants.Requests, constants.Thresholds, constants.IdleGaps, constants.FirstFit, constants.UtilizationShare, constants.SlottedShare, constants.RequestOrder, constants.SupplementOrder);
    }
}
