namespace GatewayQkd.Channel.Beam;

/// <summary>
/// Beam wander: random displacement of the short-term beam centre at the receiver, caused by turbulence near a
/// ground-launched transmitter. Uplink (Andrews and Phillips 2005 ch. 12, in the form used by Bourgoin et al., New J. Phys.
/// 15, 023006, 2013): &lt;r_c^2&gt; = 0.54 L^2 (lambda / 2 W0)^2 (2 W0 / r0)^(5/3), r0 the plane-wave Fried parameter of the path,
/// L the slant range (the flat-layer (H - h0) sec zeta). Horizontal collimated beam (Andrews and Phillips 2005 ch. 6):
/// &lt;r_c^2&gt; = 2.42 Cn2 L^3 W0^(-1/3). Downlinks: negligible (the turbulence is next to the receiver).
/// </summary>
public static class BeamWander
{
    /// <summary>&lt;r_c^2&gt; in m^2 for an uplink.</summary>
    public static double UplinkVarianceM2(double wavelengthM, double waistM, double pathM, double friedParameterM)
    {
        var ratio = wavelengthM / (2 * waistM);
        return 0.54 * pathM * pathM * ratio * ratio * Math.Pow(2 * waistM / friedParameterM, 5.0 / 3.0);
    }

    /// <summary>&lt;r_c^2&gt; in m^2 for a horizontal path of constant Cn2.</summary>
    public static double HorizontalVarianceM2(double cn2, double waistM, double pathM) =>
        2.42 * cn2 * pathM * pathM * pathM * Math.Pow(waistM, -1.0 / 3.0);
}
