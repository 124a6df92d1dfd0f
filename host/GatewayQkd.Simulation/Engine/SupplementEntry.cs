namespace GatewayQkd.Simulation.Engine;

/// <summary>A supplement request K_Supplement waiting at the HAP: its order key (arrival T_arr inside) and the gateway.</summary>
internal readonly record struct SupplementEntry(OrderKey Key, int Gateway) : IOrdered;
