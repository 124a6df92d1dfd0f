using System.Globalization;
using System.Text;
using GatewayQkd.Core.Crypto;
using GatewayQkd.Emulation.Keys;
using GatewayQkd.Emulation.Options;

namespace GatewayQkd.Emulation.Gateways;

/// <summary>
/// Writes the settings file a real sensor board (firmware/Sensor) reads from I:\sensorqkd.conf (`emulate
/// --sensor-config 9:101`): the Wi-Fi and MQTT keys of the gateway's file (<see cref="Core.Board.SettingsKeys"/>),
/// and the sensor's id, its gateway and its device key, which equals the <c>sensor.&lt;id&gt;</c> line of the
/// gateway's file (both from the run's secrets). Format: firmware/Sensor/deploy/sensorqkd.conf.example.
/// </summary>
public static class SensorBoardSettingsFile
{
    /// <summary>The file name the sensor board reads (on I:\).</summary>
    public const string FileName = "sensorqkd.conf";

    /// <summary>The sensor board's path on its I:\ drive.</summary>
    public const string DevicePath = "I:\\sensorqkd.conf";

    /// <summary>The key of the sensor's own id.</summary>
    public const string SensorIdKey = "sensor.id";

    /// <summary>The key of the sensor's gateway id.</summary>
    public const string GatewayIdKey = "gateway.id";

    /// <summary>The key of the sensor's 256-bit device key (64 hex digits).</summary>
    public const string SensorKeyKey = "sensor.key";

    /// <summary>The sensor board's MQTT user name at a Mosquitto set up by `emulate --mosquitto-config`.</summary>
    public static string BrokerUsername(BoardSensor sensor)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        return string.Create(CultureInfo.InvariantCulture, $"sn-{sensor.GatewayId}-{sensor.SensorId}");
    }

    /// <summary>Returns the file's text for <paramref name="sensor"/> of the run.</summary>
    /// <exception cref="EmulationOptionsException">The sensor is not a board sensor of the run, or no board could reach the broker.</exception>
    public static string Create(EmulationOptions options, RunSecrets secrets, BoardSensor sensor, string? wifiSsid, string? wifiPassword)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(sensor);
        if (!options.BoardSensors.Contains(sensor))
        {
            throw new EmulationOptionsException($"--sensor-config {sensor}: not a sensor board of this run; add --board-sensor {sensor}.");
        }

        var target = BoardSettingsFile.ReachableBroker(options, $"--sensor-config {sensor}");
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"# GatewayQkd sensor board {sensor.SensorId} of gateway {sensor.GatewayId}, written by `gatewayqkd emulate --sensor-config`.\n")
            .Append("# Deploy to I:\\sensorqkd.conf (hardware/bench-guide.md). Holds the sensor's device key: never commit or share it.\n\n");
        BoardSettingsFile.AppendNetwork(text, target.Host, target.Port,
            options.ExternalBroker is null ? null : BrokerUsername(sensor),
            options.ExternalBroker is null ? null : secrets.SensorBrokerPassword(sensor.GatewayId, sensor.SensorId),
            wifiSsid, wifiPassword);
        text.Append("\n# This sensor, its gateway and its device key (the gateway's sensor.<id> line).\n")
            .Append(SensorIdKey).Append('=').Append(sensor.SensorId.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(GatewayIdKey).Append('=').Append(sensor.GatewayId.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(SensorKeyKey).Append('=').Append(Hex.Encode(secrets.DeviceKey(sensor.GatewayId, sensor.SensorId))).Append('\n');
        return BoardSettingsFile.Sealed(text.ToString(), wifiSsid is not null);
    }
}
