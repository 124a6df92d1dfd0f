using MathNet.Numerics;

namespace GatewayQkd.Channel.Beam;

/// <summary>
/// Geometric collection and pointing-error loss of a Gaussian beam on a circular aperture (Farid and Hranilovic,
/// J. Lightwave Technol. 25(7), 2007): v = sqrt(pi) a / (sqrt(2) w_z), A0 = erf(v)^2,
/// w_zeq^2 = w_z^2 sqrt(pi) erf(v) / (2 v exp(-v^2)), h_p(r) = A0 exp(-2 r^2 / w_zeq^2). With a Rayleigh radial
/// displacement of scale sigma_s (sigma_s = L sigma_theta for HAP angular jitter), g = w_zeq / (2 sigma_s) and
/// h_p / A0 = U^(1/g^2) with U uniform on (0, 1], so E[h_p] = A0 g^2 / (1 + g^2).
/// </summary>
public sealed class PointingError
{
    /// <summary>Creates the model for a beam radius w_z, aperture radius a and displacement scale sigma_s (all metres).</summary>
    public PointingError(double beamRadiusM, double apertureRadiusM, double jitterM)
    {
        var v = Math.Sqrt(Math.PI) * apertureRadiusM / (Math.Sqrt(2) * beamRadiusM);
        var erfV = SpecialFunctions.Erf(v);
        CollectedFraction = erfV * erfV;
        EquivalentBeamRadiusM = beamRadiusM * Math.Sqrt(Math.Sqrt(Math.PI) * erfV / (2 * v * Math.Exp(-v * v)));
        JitterM = jitterM;
        GSquared = jitterM > 0 ? Math.Pow(EquivalentBeamRadiusM / (2 * jitterM), 2) : double.PositiveInfinity;
    }

    /// <summary>Gets A0, the fraction of power collected with no displacement (the geometric loss).</summary>
    public double CollectedFraction { get; }

    /// <summary>Gets w_zeq, the equivalent beam radius at the receiver in metres.</summary>
    public double EquivalentBeamRadiusM { get; }

    /// <summary>Gets sigma_s, the jitter (Rayleigh scale of the radial displacement) in metres.</summary>
    public double JitterM { get; }

    /// <summary>Gets g^2 = (w_zeq / 2 sigma_s)^2 (infinite without jitter).</summary>
    public double GSquared { get; }

    /// <summary>Gets E[h_p] / A0 = g^2 / (1 + g^2), the mean pointing loss factor (1 without jitter).</summary>
    public double MeanJitterFactor => double.IsPositiveInfinity(GSquared) ? 1.0 : GSquared / (1 + GSquared);

    /// <summary>h_p for a radial displacement r in metres.</summary>
    public double Collected(double displacementM) =>
        CollectedFraction * Math.Exp(-2 * displacementM * displacementM / (EquivalentBeamRadiusM * EquivalentBeamRadiusM));
}
