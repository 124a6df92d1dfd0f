using System.Globalization;

namespace GatewayQkd.Emulation.Options;

/// <summary>
/// A real sensor board (firmware/Sensor) of a run: sensor <see cref="SensorId"/> of gateway <see cref="GatewayId"/>.
/// Its gateway's configuration holds its device key (from the run's secrets, like every sensor's), and no emulated
/// sensor takes its id (`emulate --board-sensor 9:101`).
/// </summary>
public sealed record BoardSensor(ushort GatewayId, ushort SensorId)
{
    /// <summary>Parses "GATEWAY:SENSOR", both ids 1..65535.</summary>
    /// <exception cref="FormatException">The text is not two ids joined by ':'.</exception>
    public static BoardSensor Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        if (parts.Length != 2
            || !ushort.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var gateway) || gateway == 0
            || !ushort.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sensor) || sensor == 0)
        {
            throw new FormatException($"Board sensor '{text}' is not GATEWAY:SENSOR with ids 1..65535 (e.g. 9:101).");
        }

        return new BoardSensor(gateway, sensor);
    }

    /// <summary>Returns "gateway:sensor".</summary>
    public override string ToString() => $"{GatewayId}:{SensorId}";
}
