namespace GatewayQkd.Emulation.Links;

/// <summary>The state of one HAP-GN QKD link at an instant: its secret key rate and its quantum bit error rate.</summary>
/// <param name="KeyRateBitsPerSecond">Secret key rate R(t) in bit/s (0 when the link is down).</param>
/// <param name="Qber">Quantum bit error rate in [0, 0.5], or NaN when the model has none (constant rate).</param>
public readonly record struct LinkCondition(double KeyRateBitsPerSecond, double Qber);
