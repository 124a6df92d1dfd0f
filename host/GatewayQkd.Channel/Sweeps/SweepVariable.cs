namespace GatewayQkd.Channel.Sweeps;

/// <summary>The parameter a sweep varies.</summary>
public enum SweepVariable
{
    /// <summary>Link distance in km (horizontal path length, or ground distance from the HAP nadir).</summary>
    Distance,

    /// <summary>Ground visibility in km.</summary>
    Visibility,

    /// <summary>Rain rate in mm/h.</summary>
    Rain,

    /// <summary>Turbulence strength in m^-2/3: horizontal Cn2, or the Hufnagel-Valley ground term A of slant links.</summary>
    Turbulence,

    /// <summary>Angular pointing jitter in microradians.</summary>
    Jitter,

    /// <summary>Finite-key block size N in pulses (Lim et al. 2014).</summary>
    BlockPulses,

    /// <summary>Number of ground nodes sharing the HAP.</summary>
    Nodes,
}
