using GatewayQkd.Core.Pool;

namespace GatewayQkd.Emulation.Sensors;

/// <summary>A key a sensor received from its gateway, before it is used (tests compare it with the central key store).</summary>
public sealed class KeyReceivedEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    public KeyReceivedEventArgs(ushort gatewayId, ushort sensorId, KeyRange range, byte[] key)
    {
        GatewayId = gatewayId;
        SensorId = sensorId;
        Range = range ?? throw new ArgumentNullException(nameof(range));
        Key = key ?? throw new ArgumentNullException(nameof(key));
    }

    /// <summary>Gets the gateway that issued the key.</summary>
    public ushort GatewayId { get; }

    /// <summary>Gets the sensor that received it.</summary>
    public ushort SensorId { get; }

    /// <summary>Gets the key id (peer stream, offset, length).</summary>
    public KeyRange Range { get; }

    /// <summary>Gets the key bytes.</summary>
    public byte[] Key { get; }
}
