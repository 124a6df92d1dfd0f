namespace GatewayQkd.Simulation.Engine;

/// <summary>A scheduled event: its kind and the gateway it concerns (-1 for none).</summary>
internal readonly record struct SimEvent(EventKind Kind, int Gateway);
