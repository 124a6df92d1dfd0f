namespace GatewayQkd.Channel.Qkd;

/// <summary>
/// What a receiver counts at overall transmittance eta, per pulse: the detection probabilities D_k = 1 - exp(-eta k) of the
/// signal (mu), decoy (nu) and vacuum-decoy (mu3) intensities, beside eta itself. Every member is an expectation, so the
/// statistics of a block that spans many fading states are the fading averages of these members (block post-processing).
/// </summary>
/// <param name="Eta">Overall transmittance eta (channel x Bob).</param>
/// <param name="DetectedSignal">1 - exp(-eta mu).</param>
/// <param name="DetectedDecoy">1 - exp(-eta nu).</param>
/// <param name="DetectedVacuumDecoy">1 - exp(-eta mu3).</param>
public readonly record struct DecoyStatistics(double Eta, double DetectedSignal, double DetectedDecoy, double DetectedVacuumDecoy)
{
    /// <summary>The weighted sum w1 a + w2 b, member by member (for averages over fading).</summary>
    public static DecoyStatistics Combine(double w1, in DecoyStatistics a, double w2, in DecoyStatistics b) => new(
        (w1 * a.Eta) + (w2 * b.Eta),
        (w1 * a.DetectedSignal) + (w2 * b.DetectedSignal),
        (w1 * a.DetectedDecoy) + (w2 * b.DetectedDecoy),
        (w1 * a.DetectedVacuumDecoy) + (w2 * b.DetectedVacuumDecoy));
}
