namespace GatewayQkd.Core.Board
{
    /// <summary>
    /// Everything a sensor board reads from its settings file on I:\ (same format as the gateway's,
    /// <see cref="SettingsFile"/>; firmware/Sensor/deploy/sensorqkd.conf.example): Wi-Fi and MQTT broker
    /// (<see cref="NetworkSettings"/>), its id, its gateway and its 256-bit device key, and the telemetry schedule.
    /// No secret is ever compiled in.
    /// </summary>
    public sealed class SensorSettings
    {
        /// <summary>The settings file's path on the board (deployed with nanoff --filedeployment).</summary>
        public const string DefaultPath = "I:\\sensorqkd.conf";

        /// <summary>The largest reading the board sends, in bytes (sizes the one-time-pad key requests).</summary>
        public const int MaxReadingBytes = 48;

        private static readonly string[] KnownKeys = NetworkSettings.KeysWith(new string[]
        {
            "sensor.id", "sensor.key", "gateway.id", "telemetry.period.ms", "telemetry.levels", "counter.chunk", "pending.capacity",
        });

        private SensorSettings()
        {
        }

        /// <summary>Gets Wi-Fi and broker settings (client id default <c>gatewayqkd-sensor-&lt;sensor id&gt;</c>).</summary>
        public NetworkSettings Network { get; private set; }

        /// <summary>Gets the client id to connect with.</summary>
        public string ClientId { get; private set; }

        /// <summary>Gets this sensor's id (1..65535), as its gateway's settings list it.</summary>
        public ushort SensorId { get; private set; }

        /// <summary>Gets the gateway's id (1..65535).</summary>
        public ushort GatewayId { get; private set; }

        /// <summary>Gets the 32-byte device key shared with the gateway (<c>sensor.&lt;id&gt;</c> in the gateway's file).</summary>
        public byte[] DeviceKey { get; private set; }

        /// <summary>Gets the period between two readings in milliseconds (default 60000; 1000..86400000).</summary>
        public long TelemetryPeriodMilliseconds { get; private set; }

        /// <summary>
        /// Gets the K_sec of successive readings, used in turn (default 4,2: one-time pad + Poly1305, then AES:
        /// <see cref="Protocol.TelemetryModes"/>).
        /// </summary>
        public int[] TelemetryLevels { get; private set; }

        /// <summary>Gets how many send counters are reserved per storage write (default 64).</summary>
        public int CounterChunk { get; private set; }

        /// <summary>Gets how many key requests may be open at once (default 4).</summary>
        public int PendingCapacity { get; private set; }

        /// <summary>Parses and validates settings text.</summary>
        /// <exception cref="System.FormatException">The first problem, naming its line and key.</exception>
        public static SensorSettings Parse(string text)
        {
            SettingsFile file = SettingsFile.Parse(text, KnownKeys, new string[0]);
            SensorSettings settings = new SensorSettings();
            settings.Network = NetworkSettings.Read(file);
            settings.SensorId = (ushort)file.GetLong("sensor.id", 1, 65535);
            settings.GatewayId = (ushort)file.GetLong("gateway.id", 1, 65535);
            settings.DeviceKey = file.GetKey256("sensor.key");
            settings.TelemetryPeriodMilliseconds = file.GetLong("telemetry.period.ms", 1000, 86400000, 60000);
            settings.TelemetryLevels = ReadLevels(file, "telemetry.levels");
            settings.CounterChunk = (int)file.GetLong("counter.chunk", 1, 65536, 64);
            settings.PendingCapacity = (int)file.GetLong("pending.capacity", 1, 64, 4);
            settings.ClientId = settings.Network.ClientId != null ? settings.Network.ClientId : "gatewayqkd-sensor-" + settings.SensorId.ToString();
            return settings;
        }

        private static int[] ReadLevels(SettingsFile file, string key)
        {
            if (!file.Has(key))
            {
                return new int[] { 4, 2 };
            }

            string[] parts = file.GetString(key).Split(new char[] { ',' });
            int[] levels = new int[parts.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                int level;
                if (!int.TryParse(parts[i].Trim(), out level) || level < 1 || level > Protocol.FrameLimits.MaxSecurityLevel)
                {
                    throw new System.FormatException("Settings line " + file.LineOf(key).ToString() + " (" + key + "): '" + parts[i].Trim() + "' is not a K_sec in 1.." + Protocol.FrameLimits.MaxSecurityLevel.ToString() + ".");
                }

                levels[i] = level;
            }

            return levels;
        }
    }
}
