using GatewayQkd.Simulation.Schemes;

namespace GatewayQkd.Simulation.Engine;

/// <summary>
/// The choices of a scheme that <see cref="SchemeSimulator{TScheme}"/> tests on its hot paths, as members of a struct:
/// the engine is compiled once per struct type, so a struct whose members are constants (<see cref="DdkaTraits"/>)
/// gets code without the other schemes' branches, and <see cref="ConfiguredTraits"/> reads them from fields.
/// </summary>
internal interface ISchemeTraits
{
    /// <summary>Gets whether supply comes from supplement requests to the HAP (not a shared stream).</summary>
    bool Requests { get; }

    /// <summary>Gets whether pools below K_threshold_low are replenished towards K_threshold_high.</summary>
    bool Thresholds { get; }

    /// <summary>Gets whether replenishment runs only in idle gaps between requests (Table 4 line 16).</summary>
    bool IdleGaps { get; }

    /// <summary>Gets whether the gateway serves the first waiting request that fits (KoD-FirstFit).</summary>
    bool FirstFit { get; }

    /// <summary>Gets whether the HAP's generation is re-divided by key utilisation after every request (RAKP).</summary>
    bool UtilizationShare { get; }

    /// <summary>Gets whether the HAP's generation is re-divided once per t_slot (RAKP-Slotted).</summary>
    bool SlottedShare { get; }

    RequestOrder RequestOrder { get; }

    SupplementOrder SupplementOrder { get; }
}
