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

        /// <summary>The broker port when <c>mqtt.port</c> is absent: MQTT's registered port (IANA, 1883).</summary>
        public const int DefaultBrokerPort = NetworkSettings.DefaultBrokerPort;

        /// <summary>The client id when <c>mqtt.client-id</c> is absent: this prefix and the gateway id.</summary>
        public const string DefaultClientIdPrefix = "gatewayqkd-gn-";

        private DeviceSettings()
        {
        }

        /// <summary>Gets the network part (Wi-Fi, broker), read as the sensor board reads it.</summary>
        public NetworkSettings Network { get; private set; }

        /// <summary>Gets the Wi-Fi network name.</summary>
        public string WifiSsid => Network.WifiSsid;

        /// <summary>Gets the Wi-Fi password (empty for an open network).</summary>
        public string WifiPassword => Network.WifiPassword;

        /// <summary>Gets the MQTT broker's host name or address.</summary>
        public string BrokerHost => Network.BrokerHost;

        /// <summary>Gets the MQTT broker's port (default 1883).</summary>
        public int BrokerPort => Network.BrokerPort;

        /// <summary>Gets the MQTT user name, or null for an anonymous broker.</summary>
        public string BrokerUsername => Network.BrokerUsername;

        /// <summary>Gets the MQTT password, or null.</summary>
        public string BrokerPassword => Network.BrokerPassword;

        /// <summary>Gets the MQTT client id (default <c>gatewayqkd-gn-&lt;gateway id&gt;</c>).</summary>
        public string ClientId { get; private set; }

        /// <summary>Gets the gateway service's configuration, validated.</summary>
        public GatewayConfig Gateway { get; private set; }

        /// <summary>Parses and validates settings text.</summary>
        /// <exception cref="System.FormatException">The first problem, naming its line and key.</exception>
        public static DeviceSettings Parse(string text)
        {
            SettingsFile file = SettingsFile.Parse(text, SettingsKeys.All(), new string[] { SettingsKeys.SensorPrefix });
            DeviceSettings settings = new DeviceSettings();
            settings.Network = NetworkSettings.Read(file);
            settings.Gateway = ReadGateway(file);
            settings.ClientId = settings.Network.ClientId != null ? settings.Network.ClientId : DefaultClientIdPrefix + settings.Gateway.GatewayId.ToString();
            return settings;
        }

        private static GatewayConfig ReadGateway(SettingsFile file)
        {
            GatewayConfig config = new GatewayConfig();
            config.GatewayId = (ushort)file.GetLong(SettingsKeys.GatewayId, 1, 65535);
            config.AuthorityId = (ushort)file.GetLong(SettingsKeys.AuthorityId, 0, 65535, config.AuthorityId);
            config.LinkKey = file.GetKey256(SettingsKeys.LinkKey);
            if (file.Has(SettingsKeys.Peers))
            {
                config.Peers = ReadIds(file, SettingsKeys.Peers);
            }

            config.CapacityBits = file.GetLong(SettingsKeys.PoolCapacityBits, 1, long.MaxValue, config.CapacityBits);
            config.MaxBlocks = (int)file.GetLong(SettingsKeys.PoolMaxBlocks, 1, 4096, config.MaxBlocks);
            config.LowThresholdBits = file.GetLong(SettingsKeys.PoolLowBits, 0, long.MaxValue, config.LowThresholdBits);
            config.HighThresholdBits = file.GetLong(SettingsKeys.PoolHighBits, 0, long.MaxValue, config.HighThresholdBits);
            config.TradeOff = file.GetDouble(SettingsKeys.DdkaW, 0, 1, config.TradeOff);
            config.SlotMilliseconds = file.GetLong(SettingsKeys.SlotMs, 1, 3600000, config.SlotMilliseconds);
            config.QueueCapacity = (int)file.GetLong(SettingsKeys.QueueCapacity, 1, 1024, config.QueueCapacity);
            config.RequestDeadlineMilliseconds = file.GetLong(SettingsKeys.RequestDeadlineMs, 1, 86400000, config.RequestDeadlineMilliseconds);
            config.SupplementRetryMilliseconds = file.GetLong(SettingsKeys.SupplementRetryMs, 1, 86400000, config.SupplementRetryMilliseconds);
            config.StatusIntervalMilliseconds = file.GetLong(SettingsKeys.StatusIntervalMs, 0, 86400000, config.StatusIntervalMilliseconds);
            config.CounterChunk = (int)file.GetLong(SettingsKeys.CounterChunk, 1, 65536, config.CounterChunk);

            string[] keys = file.Keys;
            for (int i = 0; i < keys.Length; i++)
            {
                if (keys[i].StartsWith(SettingsKeys.SensorPrefix))
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
            string idText = key.Substring(SettingsKeys.SensorPrefix.Length);
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
