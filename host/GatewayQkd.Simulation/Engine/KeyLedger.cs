namespace GatewayQkd.Simulation.Engine;

/// <summary>Whole key bits generated into pools, consumed by requests and wasted at full pools, summed over gateways.</summary>
internal sealed class KeyLedger
{
    public long Generated { get; set; }

    public long Consumed { get; set; }

    public long Wasted { get; set; }
}
