using GatewayQkd.Channel.Geometry;

namespace GatewayQkd.Channel.Turbulence;

/// <summary>Wave model for the Rytov variance and the Gamma-Gamma parameters.</summary>
public enum WaveModel
{
    /// <summary>Plane wave (collimated beam, or a distant source: a HAP downlink whose turbulence sits near the ground receiver).</summary>
    Plane,

    /// <summary>Spherical wave (a diverging beam launched into the turbulence: uplinks and horizontal links).</summary>
    Spherical,
}

/// <summary>The wave model each link type uses unless one is chosen.</summary>
public static class WaveModels
{
    /// <summary>
    /// Ground-launched beams (uplink, horizontal) cross the turbulence right after a diverging source: spherical wave. A HAP
    /// downlink has travelled ~20 km of thin air before the ground layer, where the wave front is nearly plane: plane wave
    /// (Andrews and Phillips 2005 ch. 12 treat downlinks as plane waves and uplinks as (Gaussian) spherical-like beams).
    /// </summary>
    public static WaveModel For(LinkKind kind) => kind == LinkKind.Downlink ? WaveModel.Plane : WaveModel.Spherical;
}
