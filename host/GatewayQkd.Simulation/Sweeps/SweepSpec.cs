using GatewayQkd.Simulation.Schemes;

namespace GatewayQkd.Simulation.Sweeps;

/// <summary>What a sweep varies: an x parameter, an optional series parameter, the schemes, and seeds per point.</summary>
public sealed record SweepSpec(
    SweepParameter X,
    IReadOnlyList<double> XValues,
    SweepParameter? Series,
    IReadOnlyList<double> SeriesValues,
    IReadOnlyList<SchemeKind> Schemes,
    int Seeds)
{
    /// <summary>Gets the number of simulation runs.</summary>
    public long RunCount => (long)XValues.Count * Math.Max(1, SeriesValues.Count) * Schemes.Count * Seeds;
}
