using GatewayQkd.Channel.Beam;
using GatewayQkd.Channel.Fading;
using GatewayQkd.Channel.Geometry;
using GatewayQkd.Channel.Turbulence;

namespace GatewayQkd.Channel.Link;

/// <summary>
/// The resolved, fading-independent part of a link: geometry, losses, turbulence statistics and the bounded law of the
/// collected fraction C (<see cref="FadingSpec"/>). Channel transmittance h = h_l C / N_split; overall eta = eta_Bob h.
/// </summary>
public sealed record LinkBudget
{
    /// <summary>Gets the options this budget was computed from.</summary>
    public required LinkOptions Options { get; init; }

    /// <summary>Gets the link geometry.</summary>
    public required LinkGeometry Geometry { get; init; }

    /// <summary>Gets the aerosol attenuation in dB.</summary>
    public required double AerosolDb { get; init; }

    /// <summary>Gets the rain attenuation in dB.</summary>
    public required double RainDb { get; init; }

    /// <summary>Gets the beam radius w_z at the receiver in metres.</summary>
    public required double BeamRadiusM { get; init; }

    /// <summary>Gets the pointing-error model (A0, w_zeq, g^2).</summary>
    public required PointingError Pointing { get; init; }

    /// <summary>Gets Cn2 in m^-2/3 (horizontal: along the path; slant: at the ground terminal).</summary>
    public required double Cn2 { get; init; }

    /// <summary>Gets the wave model used for this link (chosen, or the link type's default).</summary>
    public required WaveModel Wave { get; init; }

    /// <summary>Gets the rms beam-wander displacement sqrt(&lt;r_c^2&gt;) at the receiver in metres (0 for downlinks).</summary>
    public required double BeamWanderM { get; init; }

    /// <summary>Gets the aperture-averaged Gamma-Gamma parameters; null without turbulence.</summary>
    public required GammaGammaParameters? ApertureAveraged { get; init; }

    /// <summary>Gets the Rytov variance sigma_R^2 (for the chosen wave model).</summary>
    public required double RytovVariance { get; init; }

    /// <summary>Gets the Fried parameter r0 in metres.</summary>
    public required double FriedParameterM { get; init; }

    /// <summary>Gets the point-receiver Gamma-Gamma parameters (alpha, beta); null without turbulence.</summary>
    public required GammaGammaParameters? GammaGamma { get; init; }

    /// <summary>Gets the bounded law of the collected fraction C.</summary>
    public required FadingSpec Fading { get; init; }

    /// <summary>Gets the total atmospheric attenuation (aerosol + rain) in dB.</summary>
    public double AtmosphericDb => AerosolDb + RainDb;

    /// <summary>Gets h_l, the atmospheric transmittance.</summary>
    public double AtmosphericTransmittance => Math.Pow(10, -AtmosphericDb / 10);

    /// <summary>Gets the geometric (beam spreading over the aperture) loss -10 log10 A0 in dB.</summary>
    public double GeometricDb => -10 * Math.Log10(Pointing.CollectedFraction);

    /// <summary>Gets the mean pointing loss (jitter, beam wander, receiver jitter) -10 log10 E[X_tx X_rx] in dB.</summary>
    public double MeanPointingDb => -10 * Math.Log10(Fading.MeanPointingFactor);

    /// <summary>Gets eta_Bob = optics x detector efficiency.</summary>
    public double ReceiverEfficiency => Options.ReceiverEfficiency;

    /// <summary>Gets the receiver loss -10 log10 eta_Bob in dB.</summary>
    public double ReceiverDb => -10 * Math.Log10(ReceiverEfficiency);

    /// <summary>Gets the passive-split loss 10 log10 N in dB.</summary>
    public double SplitDb => 10 * Math.Log10(Options.SplitRatio);

    /// <summary>Gets h_l / N_split, the channel transmittance per unit collected fraction (h = h_l C / N).</summary>
    public double FixedChannelTransmittance => AtmosphericTransmittance / Options.SplitRatio;

    /// <summary>Gets E[h] = h_l E[C] / N, the mean channel transmittance of the fading law.</summary>
    public double MeanChannelTransmittance => FixedChannelTransmittance * Fading.MeanCollected;

    /// <summary>Gets the mean channel loss in dB (atmosphere + geometry + mean pointing + split), summed in dB so it stays finite when the transmittance underflows.</summary>
    public double MeanChannelDb => AtmosphericDb + GeometricDb + MeanPointingDb + SplitDb;

    /// <summary>Gets the mean total loss in dB including the receiver.</summary>
    public double MeanTotalDb => MeanChannelDb + ReceiverDb;
}
