using System.Globalization;
using System.Text;
using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Ports;
using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Emulation.Sensors;

/// <summary>
/// One emulated sensor: the core's <see cref="SensorClient"/> state machine (which keeps the open requests), its next
/// Poisson arrival, and its readings (an emulated temperature, numbered per sensor), each recorded with the
/// <see cref="TelemetryTracker"/> before it is sealed and published, so the central server's copy can be matched.
/// </summary>
internal sealed class EmulatedSensor : ISensorReadings
{
    private readonly ushort _gatewayId;
    private readonly ushort _sensorId;
    private readonly Func<double> _uniform;
    private readonly TelemetryTracker _tracker;
    private uint _readings;

    public EmulatedSensor(ushort gatewayId, ushort sensorId, Func<double> uniform, TelemetryTracker tracker, double firstArrivalSeconds)
    {
        _gatewayId = gatewayId;
        _sensorId = sensorId;
        _uniform = uniform;
        _tracker = tracker;
        NextArrivalSeconds = firstArrivalSeconds;
    }

    /// <summary>Gets the sensor's state machine (set once, right after construction: it needs this object as its readings).</summary>
    public SensorClient Client { get; set; } = null!;

    public double NextArrivalSeconds { get; set; }

    /// <inheritdoc />
    public byte[] Read(KeyRange key)
    {
        var reading = Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"gn={_gatewayId};s={_sensorId};n={++_readings};t={20 + (_uniform() * 5):0.00}C"));
        _tracker.Sent(_gatewayId, key, reading);
        return reading;
    }
}
