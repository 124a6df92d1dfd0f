using GatewayQkd.Core.Gateway;

namespace GatewayQkd.Core.Board
{
    /// <summary>
    /// Everything a gateway board reads from its settings file on I:\ (hardware/bench-guide.md "Settings file"):
    /// Wi-Fi, MQTT broker, and the <see cref="GatewayConfig"/> (ids, link key, sensor keys, DDKA thresholds and limits).
    /// A setting left out keeps <see cref="GatewayConfig"/>'s documented default. No secret is ever compiled in.
    /// </summary>
    public sealed class DeviceSettings
    {
        /// <summary>The settings file's path on the board (deployed with nanoff --filedeployment).</summary>
        public const string DefaultPath = "I:\\gatewayqkd.conf";

        /// <summary>Prefix of sensor key lines: <c>sensor.&lt;id&gt;=&lt;64 hex digits&gt;</c>.</summary>
        public const string SensorPrefix = "sensor.";

        private static readonly string[] KnownKeys = new string[]
        {
            "wifi.ssid", "wifi.password", "mqtt.host", "mqtt.port", "mqtt.username", "mqtt.password", "mqtt.client-id",
            "gateway.id", "authority.id", "link.key", "peers", "pool.capacity.bits", "pool.max.blocks", "pool.low.bits",
            "pool.high.bits", "ddka.w", "slot.ms", "queue.capacity", "request.deadline.ms", "supplement.retry.ms",
            "status.interval.ms", "counter.chunk",
        };

        private DeviceSettings()
        {
        }

        /// <summary>Gets the Wi-Fi network name.</summary>
        public string WifiSsid { get; private set; }

        /// <summary>Gets the Wi-Fi password (empty for an open network).</summary>
        public string WifiPassword { get; private set; }

        /// <summary>Gets the MQTT broker's host name or address.</summary>
        public string BrokerHost { get; private set; }

        /// <summary>Gets the MQTT broker's port (default 1883).</summary>
        public int BrokerPort { get; private set; }

        /// <summary>Gets the MQTT user name, or null for an anonymous broker.</summary>
        public string BrokerUsername { get; private set; }

        /// <summary>Gets the MQTT password, or null.</summary>
        public string BrokerPassword { get; private set; }

        /// <summary>Gets the MQTT client id (default <c>gatewayqkd-gn-&lt;gateway id&gt;</c>).</summary>
        public string ClientId { get; private set; }

        /// <summary>Gets the gateway service's configuration, validated.</summary>
        public GatewayConfig Gateway { get; private set; }

        /// <summary>Parses and validates settings text.</summary>
        /// <exception cref="System.FormatException">The first problem, naming its line and key.</exception>
        public static DeviceSettings Parse(string text)
        {
            SettingsFile file = SettingsFile.Parse(text, KnownKeys, new string[] { SensorPrefix });
            DeviceSettings settings = new DeviceSettings();
            settings.WifiSsid = file.GetString("wifi.ssid");
            settings.WifiPassword = file.GetString("wifi.password", string.Empty);
            settings.BrokerHost = file.GetString("mqtt.host");
            settings.BrokerPort = (int)file.GetLong("mqtt.port", 1, 65535, 1883);
            settings.BrokerUsername = file.GetString("mqtt.username", null);
            settings.BrokerPassword = file.GetString("mqtt.password", null);
            settings.Gateway = ReadGateway(file);
            settings.ClientId = file.GetString("mqtt.client-id", "gatewayqkd-gn-" + settings.Gateway.GatewayId.ToString());
            return settings;
        }

        private static GatewayConfig ReadGateway(SettingsFile file)
        {
            GatewayConfig config = new GatewayConfig();
            config.GatewayId = (ushort)file.GetLong("gateway.id", 1, 65535);
            config.AuthorityId = (ushort)file.GetLong("authority.id", 0, 65535, config.AuthorityId);
            config.LinkKey = file.GetKey256("link.key");
            if (file.Has("peers"))
            {
                config.Peers = ReadIds(file, "peers");
            }

            config.CapacityBits = file.GetLong("pool.capacity.bits", 1, long.MaxValue, config.CapacityBits);
            config.MaxBlocks = (int)file.GetLong("pool.max.blocks", 1, 4096, config.MaxBlocks);
            config.LowThresholdBits = file.GetLong("pool.low.bits", 0, long.MaxValue, config.LowThresholdBits);
            config.HighThresholdBits = file.GetLong("pool.high.bits", 0, long.MaxValue, config.HighThresholdBits);
            config.TradeOff = file.GetDouble("ddka.w", 0, 1, config.TradeOff);
            config.SlotMilliseconds = file.GetLong("slot.ms", 1, 3600000, config.SlotMilliseconds);
            config.QueueCapacity = (int)file.GetLong("queue.capacity", 1, 1024, config.QueueCapacity);
            config.RequestDeadlineMilliseconds = file.GetLong("request.deadline.ms", 1, 86400000, config.RequestDeadlineMilliseconds);
            config.SupplementRetryMilliseconds = file.GetLong("supplement.retry.ms", 1, 86400000, config.SupplementRetryMilliseconds);
            config.StatusIntervalMilliseconds = file.GetLong("status.interval.ms", 0, 86400000, config.StatusIntervalMilliseconds);
            config.CounterChunk = (int)file.GetLong("counter.chunk", 1, 65536, config.CounterChunk);

            string[] keys = file.Keys;
            for (int i = 0; i < keys.Length; i++)
            {
                if (keys[i].StartsWith(SensorPrefix))
                {
                    AddSensor(file, config, keys[i]);
                }
            }

            try
            {
                config.Validate();
            }
            catch (System.ArgumentException e)
            {
                throw new System.FormatException("Settings: " + e.Message);
            }

            return config;
        }

        private static void AddSensor(SettingsFile file, GatewayConfig config, string key)
        {
            ushort id;
            string idText = key.Substring(SensorPrefix.Length);
            if (!ushort.TryParse(idText, out id) || id == 0)
            {
                throw new System.FormatException("Settings line " + file.LineOf(key).ToString() + ": '" + idText + "' is not a sensor id in 1..65535.");
            }

            try
            {
                config.AddSensor(id, file.GetKey256(key));
            }
            catch (System.ArgumentException e)
            {
                throw new System.FormatException("Settings line " + file.LineOf(key).ToString() + " (" + key + "): " + e.Message);
            }
        }

        private static ushort[] ReadIds(SettingsFile file, string key)
        {
            string[] parts = file.GetString(key).Split(new char[] { ',' });
            ushort[] ids = new ushort[parts.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                if (!ushort.TryParse(parts[i].Trim(), out ids[i]))
                {
                    throw new System.FormatException("Settings line " + file.LineOf(key).ToString() + " (" + key + "): '" + parts[i].Trim() + "' is not a peer id in 0..65535.");
                }
            }

            return ids;
        }
    }
}
