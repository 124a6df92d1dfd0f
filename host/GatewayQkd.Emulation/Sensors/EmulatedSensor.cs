using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Emulation.Sensors;

/// <summary>One emulated sensor: the core's <see cref="SensorClient"/>, its next Poisson arrival and its open requests.</summary>
internal sealed class EmulatedSensor
{
    public EmulatedSensor(SensorClient client, double firstArrivalSeconds)
    {
        Client = client;
        NextArrivalSeconds = firstArrivalSeconds;
    }

    public SensorClient Client { get; }

    public double NextArrivalSeconds { get; set; }

    public uint NextRequestId { get; set; } = 1;

    public uint Readings { get; set; }

    public Dictionary<uint, PendingRequest> Pending { get; } = [];
}
