using System.Globalization;
using System.Text;
using GatewayQkd.Core.Board;
using GatewayQkd.Core.Crypto;
using GatewayQkd.Core.Gateway;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Keys;
using GatewayQkd.Emulation.Options;

namespace GatewayQkd.Emulation.Gateways;

/// <summary>
/// Writes the settings file a real gateway board reads from I:\gatewayqkd.conf (`emulate --board-config`): key=value
/// lines with the keys of <see cref="SettingsKeys"/>, which the board's own parser (<see cref="DeviceSettings"/>)
/// reads back to the same configuration. A board's clock is the wall clock, so every time setting is the run's
/// emulated time divided by the run's speed. A gateway setting equal to the firmware's default (<see cref="GatewayConfig"/>'s
/// constructor) is written as a comment showing that default; every other one is written out. The file holds the
/// board's link key and its sensors' device keys: it is for provisioning, not sharing. The board twin reads it too.
/// </summary>
public static class BoardSettingsFile
{
    /// <summary>The file name the board reads (on I:\).</summary>
    public const string FileName = "gatewayqkd.conf";

    /// <summary>Written as <c>wifi.ssid</c> when no network was given: the board then fails to join and says so.</summary>
    public const string WifiSsidPlaceholder = "YOUR-2.4GHZ-NETWORK";

    /// <summary>Written as <c>wifi.password</c> when none was given.</summary>
    public const string WifiPasswordPlaceholder = "YOUR-WIFI-PASSWORD";

    /// <summary>The board's MQTT user name at a Mosquitto set up by `emulate --mosquitto-config`.</summary>
    public static string BrokerUsername(ushort gatewayId) => "gn-" + gatewayId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Returns the settings of board <paramref name="gatewayId"/> in a run: its configuration from the run's secrets,
    /// the broker a board reaches (the PC's LAN address and the fixed port of the embedded broker, or the external
    /// broker with the board's own login of `--mosquitto-config`), and the Wi-Fi.
    /// </summary>
    /// <exception cref="EmulationOptionsException">No board could reach the broker, or its port is not fixed.</exception>
    public static BoardSettings ForBoard(EmulationOptions options, RunSecrets secrets, ushort gatewayId, string? wifiSsid, string? wifiPassword)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(secrets);
        if (!options.BoardGateways.Contains(gatewayId))
        {
            throw new EmulationOptionsException($"--board-config {gatewayId}: gateway {gatewayId} is not a board of this run; add --board {gatewayId}.");
        }

        var target = ReachableBroker(options, $"--board-config {gatewayId}");
        return new BoardSettings
        {
            Gateway = WallClock(GatewayConfigFactory.Create(options, secrets, gatewayId), options.Speed),
            BrokerHost = target.Host,
            BrokerPort = target.Port,
            BrokerUsername = options.ExternalBroker is null ? null : BrokerUsername(gatewayId),
            BrokerPassword = options.ExternalBroker is null ? null : secrets.BrokerPassword(gatewayId),
            WifiSsid = wifiSsid,
            WifiPassword = wifiPassword,
            Notes = [$"Times are wall-clock milliseconds: the run's emulated times divided by its speed ({options.Speed.ToString(CultureInfo.InvariantCulture)}x)."],
        };
    }

    /// <summary>The Wi-Fi network a board twin "joins" (the PC's own network; the twin's Wi-Fi stand-in accepts any).</summary>
    public const string TwinWifiSsid = "gatewayqkd-board-twin";

    /// <summary>
    /// Returns the settings of the board twin of gateway <paramref name="gatewayId"/> (docs/board-twin.md): as
    /// <see cref="Create"/>, but for a process on this PC, so it joins <paramref name="broker"/> - the endpoint the run's
    /// own clients use - with that endpoint's login; and since the twin, like a board, keeps wall-clock time, every
    /// time setting is the run's emulated time divided by the run's speed (a 1 s slot at 5x is slot.ms=200).
    /// </summary>
    public static BoardSettings ForTwin(EmulationOptions options, RunSecrets secrets, ushort gatewayId, BrokerEndpoint broker)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(broker);
        return new BoardSettings
        {
            Gateway = WallClock(GatewayConfigFactory.Create(options, secrets, gatewayId), options.Speed),
            BrokerHost = broker.Host is "0.0.0.0" or "::" ? "127.0.0.1" : broker.Host,
            BrokerPort = broker.Port,
            BrokerUsername = broker.Username,
            BrokerPassword = broker.Username is null ? null : broker.Password ?? string.Empty,
            WifiSsid = TwinWifiSsid,
            WifiPassword = string.Empty,
            Notes = [$"Board twin of run '{options.Name}' at speed {options.Speed.ToString(CultureInfo.InvariantCulture)}x: times are the run's divided by its speed."],
        };
    }

    /// <summary>
    /// Returns the broker host and port a board of the run connects to: the PC's LAN address and the embedded broker's
    /// fixed port, or the external broker; <paramref name="what"/> names the option in the error.
    /// </summary>
    /// <exception cref="EmulationOptionsException">No board could reach the broker, or its port is not fixed.</exception>
    internal static (string Host, int Port) ReachableBroker(EmulationOptions options, string what)
    {
        var embedded = options.ExternalBroker is null ? options.EmbeddedBrokerListen : null;
        if (embedded is { Port: 0 })
        {
            throw new EmulationOptionsException($"{what}: the embedded broker has no fixed port, so the board would not know it; give --listen 0.0.0.0:1883.");
        }

        return BoardBrokerAddress.Find(embedded, options.ExternalBroker)
            ?? throw new EmulationOptionsException($"{what}: {BoardBrokerAddress.Describe(embedded, options.ExternalBroker)}");
    }

    /// <summary>
    /// Returns the settings text of gateway <paramref name="gatewayId"/> joining <paramref name="broker"/> as it is
    /// (with its login, if any): what the board twin reads, on the same PC as the broker.
    /// </summary>
    public static string Create(EmulationOptions options, RunSecrets secrets, ushort gatewayId, BrokerEndpoint broker, string wifiSsid, string wifiPassword)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(broker);
        ArgumentException.ThrowIfNullOrEmpty(wifiSsid);
        return Format(new BoardSettings
        {
            Gateway = WallClock(GatewayConfigFactory.Create(options, secrets, gatewayId), options.Speed),
            BrokerHost = broker.Host,
            BrokerPort = broker.Port,
            BrokerUsername = broker.Username,
            BrokerPassword = broker.Username is null ? null : broker.Password ?? string.Empty,
            WifiSsid = wifiSsid,
            WifiPassword = wifiPassword ?? string.Empty,
        });
    }

    /// <summary>Returns the configuration a board reading <paramref name="text"/> runs with (the firmware's own parser).</summary>
    public static GatewayConfig Read(string text) => DeviceSettings.Parse(text).Gateway;

    /// <summary>Returns <paramref name="config"/> with its times (emulated milliseconds) as wall-clock milliseconds at <paramref name="speed"/>.</summary>
    public static GatewayConfig WallClock(GatewayConfig config, double speed)
    {
        ArgumentNullException.ThrowIfNull(config);
        long Wall(long emulatedMilliseconds) => Math.Max(1, (long)Math.Round(emulatedMilliseconds / speed));
        config.SlotMilliseconds = Wall(config.SlotMilliseconds);
        config.StatusIntervalMilliseconds = config.StatusIntervalMilliseconds == 0 ? 0 : Wall(config.StatusIntervalMilliseconds);
        config.RequestDeadlineMilliseconds = Wall(config.RequestDeadlineMilliseconds);
        config.SupplementRetryMilliseconds = Wall(config.SupplementRetryMilliseconds);
        return config;
    }

    /// <summary>Returns the file's text (UTF-8, '\n' line ends, no byte order mark).</summary>
    /// <exception cref="ArgumentException">A value has a line break or leading/trailing spaces, which the parser would change.</exception>
    public static string Format(BoardSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var gateway = settings.Gateway;
        var defaults = new GatewayConfig();
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"# GatewayQkd settings of gateway {gateway.GatewayId}, written by `gatewayqkd emulate --board-config`.\n")
            .Append("# Deploy to I:\\gatewayqkd.conf (hardware/bench-guide.md). Holds the board's keys: never commit or share it.\n");
        foreach (var note in settings.Notes)
        {
            text.Append("# ").Append(note).Append('\n');
        }

        text.Append('\n');
        AppendNetwork(text, settings.BrokerHost, settings.BrokerPort, settings.BrokerUsername, settings.BrokerPassword, settings.WifiSsid, settings.WifiPassword);
        text.Append("\n# Gateway, key authority, link key and one device key per sensor.\n");
        Line(text, SettingsKeys.GatewayId, Number(gateway.GatewayId));
        Setting(text, SettingsKeys.AuthorityId, Number(gateway.AuthorityId), Number(defaults.AuthorityId));
        Line(text, SettingsKeys.LinkKey, Hex.Encode(gateway.LinkKey));
        foreach (var sensor in gateway.SensorIds)
        {
            Line(text, SettingsKeys.SensorPrefix + Number(sensor), Hex.Encode(gateway.DeviceKeyOf(sensor)));
        }

        text.Append("\n# Pool, DDKA and limits: the run's values; '#' lines show the firmware's default, which the run uses too.\n");
        Setting(text, SettingsKeys.Peers, Ids(gateway.Peers), Ids(defaults.Peers));
        Setting(text, SettingsKeys.PoolCapacityBits, Number(gateway.CapacityBits), Number(defaults.CapacityBits));
        Setting(text, SettingsKeys.PoolMaxBlocks, Number(gateway.MaxBlocks), Number(defaults.MaxBlocks));
        Setting(text, SettingsKeys.PoolLowBits, Number(gateway.LowThresholdBits), Number(defaults.LowThresholdBits));
        Setting(text, SettingsKeys.PoolHighBits, Number(gateway.HighThresholdBits), Number(defaults.HighThresholdBits));
        Setting(text, SettingsKeys.DdkaW, gateway.TradeOff.ToString("R", CultureInfo.InvariantCulture), defaults.TradeOff.ToString("R", CultureInfo.InvariantCulture));
        Setting(text, SettingsKeys.SlotMs, Number(gateway.SlotMilliseconds), Number(defaults.SlotMilliseconds));
        Setting(text, SettingsKeys.QueueCapacity, Number(gateway.QueueCapacity), Number(defaults.QueueCapacity));
        Setting(text, SettingsKeys.RequestDeadlineMs, Number(gateway.RequestDeadlineMilliseconds), Number(defaults.RequestDeadlineMilliseconds));
        Setting(text, SettingsKeys.SupplementRetryMs, Number(gateway.SupplementRetryMilliseconds), Number(defaults.SupplementRetryMilliseconds));
        Setting(text, SettingsKeys.StatusIntervalMs, Number(gateway.StatusIntervalMilliseconds), Number(defaults.StatusIntervalMilliseconds));
        Setting(text, SettingsKeys.CounterChunk, Number(gateway.CounterChunk), Number(defaults.CounterChunk));
        return Sealed(text.ToString(), settings.WifiSsid is not null);
    }

    /// <summary>
    /// Puts the check line (<see cref="SettingsChecksum"/>) in front of a complete file, so the board refuses it when a
    /// bit flips or it is cut short; a file with Wi-Fi placeholders is meant to be edited and is left without one.
    /// </summary>
    internal static string Sealed(string body, bool complete) => complete
        ? SettingsChecksum.Seal("# Line 1 checks the rest of the file: the board refuses it if damaged. Delete line 1 before editing by hand.\n" + body)
        : body;

    /// <summary>Appends the Wi-Fi and MQTT lines every board's settings file has (placeholders for a Wi-Fi not given).</summary>
    internal static void AppendNetwork(StringBuilder text, string brokerHost, int brokerPort, string? username, string? password, string? wifiSsid, string? wifiPassword)
    {
        text.Append("# Wi-Fi (2.4 GHz)").Append(wifiSsid is null ? ": replace both placeholders.\n" : ".\n");
        Line(text, SettingsKeys.WifiSsid, wifiSsid ?? WifiSsidPlaceholder);
        Line(text, SettingsKeys.WifiPassword, wifiPassword ?? (wifiSsid is null ? WifiPasswordPlaceholder : string.Empty));
        text.Append("\n# MQTT broker.\n");
        Line(text, SettingsKeys.MqttHost, brokerHost);
        Line(text, SettingsKeys.MqttPort, Number(brokerPort));
        if (username is not null)
        {
            Line(text, SettingsKeys.MqttUsername, username);
            Line(text, SettingsKeys.MqttPassword, password ?? string.Empty);
        }
    }

    private static void Setting(StringBuilder text, string key, string value, string firmwareDefault)
    {
        if (value == firmwareDefault)
        {
            Default(text, key, value);
        }
        else
        {
            Line(text, key, value);
            text.Append("#   (the firmware's default is ").Append(firmwareDefault).Append(")\n");
        }
    }

    private static void Default(StringBuilder text, string key, string value) => text.Append("# ").Append(key).Append('=').Append(value).Append('\n');

    private static void Line(StringBuilder text, string key, string value)
    {
        if (value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal) || value != value.Trim())
        {
            throw new ArgumentException($"The value of '{key}' has a line break or leading/trailing spaces, which a settings file cannot hold.", nameof(value));
        }

        text.Append(key).Append('=').Append(value).Append('\n');
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Ids(ushort[] ids) => string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
}
