namespace GatewayQkd.Channel.Turbulence;

/// <summary>
/// Hufnagel-Valley refractive-index structure profile (h in m, Cn2 in m^-2/3):
/// Cn2(h) = 0.00594 (v/27)^2 (1e-5 h)^10 exp(-h/1000) + 2.7e-16 exp(-h/1500) + A exp(-h/100)
/// (Andrews and Phillips, Laser Beam Propagation through Random Media, 2nd ed., 2005, eq. 12.1).
/// </summary>
/// <param name="WindSpeedMs">The rms high-altitude wind speed v in m/s.</param>
/// <param name="GroundCn2">The ground-level term A in m^-2/3 (sets the turbulence strength).</param>
public sealed record HufnagelValley(double WindSpeedMs, double GroundCn2)
{
    /// <summary>HV5/7: v = 21 m/s, A = 1.7e-14 m^-2/3 (r0 = 5 cm, isoplanatic angle 7 urad at 500 nm).</summary>
    public static HufnagelValley Hv57 { get; } = new(21.0, 1.7e-14);

    /// <summary>Cn2 at altitude h in metres.</summary>
    public double Cn2(double altitudeM)
    {
        var wind = WindSpeedMs / 27.0;
        var x2 = 1e-10 * altitudeM * altitudeM;
        var x10 = x2 * x2 * x2 * x2 * x2;
        return (0.00594 * wind * wind * x10 * Math.Exp(-altitudeM / 1000.0))
            + (2.7e-16 * Math.Exp(-altitudeM / 1500.0))
            + (GroundCn2 * Math.Exp(-altitudeM / 100.0));
    }
}
