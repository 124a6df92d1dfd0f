namespace GatewayQkd.Simulation.Engine;

/// <summary>What happens at a simulation event.</summary>
internal enum EventKind
{
    /// <summary>The next key request arrives.</summary>
    Arrival,

    /// <summary>A gateway re-checks its queue (its server freed, or keys became available).</summary>
    GatewayWake,

    /// <summary>A HAP channel finished a supplement job for a gateway.</summary>
    SupplementDone,

    /// <summary>RAKP re-divides the generation among pools (every t_slot).</summary>
    RateUpdate,

    /// <summary>Pool levels are sampled.</summary>
    Sample,
}
