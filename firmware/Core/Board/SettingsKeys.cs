namespace GatewayQkd.Core.Board
{
    /// <summary>
    /// The keys of the gateway's settings file (hardware/bench-guide.md "Settings file") for code that writes one: the
    /// host's `emulate --board-config`. The board's parser (<see cref="DeviceSettings"/>) accepts exactly these; a test
    /// (tests/GatewayQkd.Core.Tests, DeviceSettingsTests) compares the two lists, so they cannot drift apart.
    /// </summary>
    public static class SettingsKeys
    {
        /// <summary>Wi-Fi network name (required).</summary>
        public const string WifiSsid = "wifi.ssid";

        /// <summary>Wi-Fi password (empty or absent for an open network).</summary>
        public const string WifiPassword = "wifi.password";

        /// <summary>MQTT broker host name or address (required).</summary>
        public const string MqttHost = "mqtt.host";

        /// <summary>MQTT broker port (default 1883).</summary>
        public const string MqttPort = "mqtt.port";

        /// <summary>MQTT user name (absent = anonymous).</summary>
        public const string MqttUsername = "mqtt.username";

        /// <summary>MQTT password.</summary>
        public const string MqttPassword = "mqtt.password";

        /// <summary>MQTT client id (default gatewayqkd-gn-&lt;gateway id&gt;).</summary>
        public const string MqttClientId = "mqtt.client-id";

        /// <summary>This gateway's id, 1..65535 (required).</summary>
        public const string GatewayId = "gateway.id";

        /// <summary>The key authority's id (default 0, the central server).</summary>
        public const string AuthorityId = "authority.id";

        /// <summary>The 256-bit link key with the key authority, 64 hex digits (required).</summary>
        public const string LinkKey = "link.key";

        /// <summary>Comma-separated peer stream ids.</summary>
        public const string Peers = "peers";

        /// <summary>Pool capacity in bits.</summary>
        public const string PoolCapacityBits = "pool.capacity.bits";

        /// <summary>Most key blocks the pool holds.</summary>
        public const string PoolMaxBlocks = "pool.max.blocks";

        /// <summary>Low pool threshold in bits (DDKA).</summary>
        public const string PoolLowBits = "pool.low.bits";

        /// <summary>High pool threshold in bits (DDKA).</summary>
        public const string PoolHighBits = "pool.high.bits";

        /// <summary>DDKA trade-off weight w in [0, 1].</summary>
        public const string DdkaW = "ddka.w";

        /// <summary>DDKA slot length in milliseconds.</summary>
        public const string SlotMs = "slot.ms";

        /// <summary>Request queue capacity.</summary>
        public const string QueueCapacity = "queue.capacity";

        /// <summary>Request deadline in milliseconds.</summary>
        public const string RequestDeadlineMs = "request.deadline.ms";

        /// <summary>Supplement retry interval in milliseconds.</summary>
        public const string SupplementRetryMs = "supplement.retry.ms";

        /// <summary>Status report interval in milliseconds (0 = never).</summary>
        public const string StatusIntervalMs = "status.interval.ms";

        /// <summary>Send-counter reservation chunk.</summary>
        public const string CounterChunk = "counter.chunk";

        /// <summary>Prefix of sensor key lines: <c>sensor.&lt;id&gt;=&lt;64 hex digits&gt;</c>.</summary>
        public const string SensorPrefix = "sensor.";

        /// <summary>Returns every fixed key (not the sensor prefix), in the order a settings file lists them.</summary>
        public static string[] All()
        {
            return new string[]
            {
                WifiSsid, WifiPassword, MqttHost, MqttPort, MqttUsername, MqttPassword, MqttClientId,
                GatewayId, AuthorityId, LinkKey, Peers, PoolCapacityBits, PoolMaxBlocks, PoolLowBits,
                PoolHighBits, DdkaW, SlotMs, QueueCapacity, RequestDeadlineMs, SupplementRetryMs,
                StatusIntervalMs, CounterChunk,
            };
        }
    }
}
