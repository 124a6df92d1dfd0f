namespace GatewayQkd.Simulation.Sweeps;

/// <summary>
/// One point of a sweep: a scheme at one x value (and series value) aggregated over seeds. The per-seed values are
/// kept in seed order so schemes can be compared pairwise on the same request streams (<see cref="Improvement"/>).
/// </summary>
public sealed record SweepPoint(
    string Scheme,
    double? Series,
    double X,
    int Seeds,
    Estimate MeanDelay,
    Estimate SuccessRate,
    Estimate P50Delay,
    Estimate P90Delay,
    Estimate P99Delay,
    Estimate KeysWasted,
    Estimate KeysGenerated,
    IReadOnlyList<double> DelayBySeed,
    IReadOnlyList<double> SuccessRateBySeed);
