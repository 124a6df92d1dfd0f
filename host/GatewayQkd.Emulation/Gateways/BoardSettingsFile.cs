using System.Globalization;
using System.Text;
using GatewayQkd.Core.Crypto;
using GatewayQkd.Core.Gateway;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Keys;
using GatewayQkd.Emulation.Options;

namespace GatewayQkd.Emulation.Gateways;

/// <summary>
/// Writes the settings file a gateway board reads from I:\gatewayqkd.conf (the firmware's DeviceSettings.Parse: one
/// key=value per line, keys as in firmware/Device/deploy/gatewayqkd.conf.example) for gateway <c>id</c> of a run: the
/// broker, its ids, its link key and its sensors' device keys, and the run's pool and DDKA settings. A board's clock
/// is the wall clock, so every time setting is the run's emulated time divided by the run's speed. The board twin
/// reads this file; it is the one place the host writes it.
/// </summary>
public static class BoardSettingsFile
{
    /// <summary>The settings file's name on the board's I:\ drive.</summary>
    public const string FileName = "gatewayqkd.conf";

    /// <summary>Returns the settings text of gateway <paramref name="gatewayId"/>, joining <paramref name="broker"/>.</summary>
    public static string Create(EmulationOptions options, RunSecrets secrets, ushort gatewayId, BrokerEndpoint broker, string wifiSsid, string wifiPassword)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentException.ThrowIfNullOrEmpty(wifiSsid);
        var config = GatewayConfigFactory.Create(options, secrets, gatewayId);
        var text = new StringBuilder();
        void Line(string key, object value) => text.Append(key).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\n');
        long Wall(long emulatedMilliseconds) => Math.Max(1, (long)Math.Round(emulatedMilliseconds / options.Speed));

        text.Append("# GatewayQkd settings for gateway ").Append(gatewayId).Append(" of run '").Append(options.Name)
            .Append("'. Deploy to I:\\").Append(FileName).Append(". Holds secret keys: never share or commit it.\n")
            .Append("# Times are wall-clock milliseconds: the run's emulated times divided by its speed (").Append(options.Speed.ToString(CultureInfo.InvariantCulture)).Append("x).\n");
        Line("wifi.ssid", wifiSsid);
        Line("wifi.password", wifiPassword ?? string.Empty);
        Line("mqtt.host", broker.Host);
        Line("mqtt.port", broker.Port);
        if (broker.Username is not null)
        {
            Line("mqtt.username", broker.Username);
            Line("mqtt.password", broker.Password ?? string.Empty);
        }

        Line("gateway.id", gatewayId);
        Line("authority.id", config.AuthorityId);
        Line("link.key", Hex.Encode(config.LinkKey));
        foreach (var sensor in config.SensorIds)
        {
            Line(Core.Board.DeviceSettings.SensorPrefix + sensor, Hex.Encode(config.DeviceKeyOf(sensor)));
        }

        Line("pool.capacity.bits", config.CapacityBits);
        Line("pool.max.blocks", config.MaxBlocks);
        Line("pool.low.bits", config.LowThresholdBits);
        Line("pool.high.bits", config.HighThresholdBits);
        Line("ddka.w", config.TradeOff);
        Line("slot.ms", Wall(config.SlotMilliseconds));
        Line("status.interval.ms", Wall(config.StatusIntervalMilliseconds));
        Line("request.deadline.ms", Wall(config.RequestDeadlineMilliseconds));
        Line("supplement.retry.ms", Wall(config.SupplementRetryMilliseconds));
        return text.ToString();
    }

    /// <summary>Returns the configuration a board reading <paramref name="text"/> runs with (the firmware's own parser).</summary>
    public static GatewayConfig Read(string text) => Core.Board.DeviceSettings.Parse(text).Gateway;
}
