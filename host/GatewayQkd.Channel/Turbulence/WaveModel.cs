namespace GatewayQkd.Channel.Turbulence;

/// <summary>Wave model for the Rytov variance and the Gamma-Gamma parameters.</summary>
public enum WaveModel
{
    /// <summary>Plane wave (collimated beam, or a distant source).</summary>
    Plane,

    /// <summary>Spherical wave (point source at finite distance, e.g. a divergent beam from a HAP).</summary>
    Spherical,
}
