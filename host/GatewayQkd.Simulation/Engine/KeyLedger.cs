namespace GatewayQkd.Simulation.Engine;

/// <summary>Key bits generated into pools, consumed by requests and wasted at full pools, summed over gateways.</summary>
internal sealed class KeyLedger
{
    public double Generated { get; set; }

    public double Consumed { get; set; }

    public double Wasted { get; set; }
}
