namespace GatewayQkd.Core.Board
{
    /// <summary>
    /// The network part every board's settings file has (the gateway's and the sensor's, hardware/bench-guide.md
    /// "Settings file"): Wi-Fi network and password, MQTT broker host, port and optional credentials.
    /// </summary>
    public sealed class NetworkSettings
    {
        /// <summary>The broker port when <c>mqtt.port</c> is absent: MQTT's registered port (IANA, 1883).</summary>
        public const int DefaultBrokerPort = 1883;

        /// <summary>The keys this part reads (each board adds its own; the gateway's are all in <see cref="SettingsKeys"/>).</summary>
        public static readonly string[] Keys = new string[]
        {
            SettingsKeys.WifiSsid, SettingsKeys.WifiPassword, SettingsKeys.MqttHost, SettingsKeys.MqttPort,
            SettingsKeys.MqttUsername, SettingsKeys.MqttPassword, SettingsKeys.MqttClientId,
        };

        private NetworkSettings()
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

        /// <summary>Gets the MQTT client id (<c>mqtt.client-id</c>), or null when the file leaves it to the board's default.</summary>
        public string ClientId { get; private set; }

        /// <summary>Reads the network keys of a parsed file.</summary>
        /// <exception cref="System.FormatException">A required key is missing or a value is out of range.</exception>
        public static NetworkSettings Read(SettingsFile file)
        {
            NetworkSettings settings = new NetworkSettings();
            settings.WifiSsid = file.GetString(SettingsKeys.WifiSsid);
            settings.WifiPassword = file.GetString(SettingsKeys.WifiPassword, string.Empty);
            settings.BrokerHost = file.GetString(SettingsKeys.MqttHost);
            settings.BrokerPort = (int)file.GetLong(SettingsKeys.MqttPort, 1, 65535, DefaultBrokerPort);
            settings.BrokerUsername = file.GetString(SettingsKeys.MqttUsername, null);
            settings.BrokerPassword = file.GetString(SettingsKeys.MqttPassword, null);
            settings.ClientId = file.GetString(SettingsKeys.MqttClientId, null);
            return settings;
        }

        /// <summary>Returns the network keys followed by <paramref name="boardKeys"/>: the known keys of a board's file.</summary>
        public static string[] KeysWith(string[] boardKeys)
        {
            string[] all = new string[Keys.Length + boardKeys.Length];
            System.Array.Copy(Keys, all, Keys.Length);
            System.Array.Copy(boardKeys, 0, all, Keys.Length, boardKeys.Length);
            return all;
        }
    }
}
