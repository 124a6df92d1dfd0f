namespace GatewayQkd.Simulation.Sweeps;

/// <summary>One point of a sweep: a scheme at one x value (and series value) aggregated over seeds.</summary>
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
    Estimate KeysGenerated);
