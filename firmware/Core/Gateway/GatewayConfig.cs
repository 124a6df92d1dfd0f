using System.Collections;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Gateway
{
    /// <summary>
    /// Everything a gateway needs to know that is not state: its id, the keys it shares, the DDKA parameters and the
    /// limits. Defaults follow the DDKA paper's simulation (s4: QKP capacity 5120 bits, w = 0.5) where it gives one
    /// and are documented in docs/gateway-service.md otherwise. <see cref="Validate"/> names the first bad setting.
    /// </summary>
    public sealed class GatewayConfig
    {
        private readonly Hashtable _sensorKeys = new Hashtable();
        private readonly ArrayList _sensorIds = new ArrayList();

        /// <summary>Creates a configuration with the documented defaults; set the ids and keys before use.</summary>
        public GatewayConfig()
        {
            AuthorityId = 0;
            Peers = new ushort[] { 0 };
            CapacityBits = 5120;
            MaxBlocks = 24;
            LowThresholdBits = 1280;
            HighThresholdBits = 4096;
            TradeOff = 0.5;
            SlotMilliseconds = 1000;
            QueueCapacity = 64;
            RequestDeadlineMilliseconds = 60000;
            SupplementRetryMilliseconds = 5000;
            StatusIntervalMilliseconds = 10000;
            CounterChunk = 256;
        }

        /// <summary>Gets or sets this gateway's id (1..65535; 0 is the central server's stream id).</summary>
        public ushort GatewayId { get; set; }

        /// <summary>Gets or sets the id of the HAP/CS key authority that delivers blocks and receives acks (default 0).</summary>
        public ushort AuthorityId { get; set; }

        /// <summary>Gets or sets the 32-byte link key shared with the HAP/CS key authority.</summary>
        public byte[] LinkKey { get; set; }

        /// <summary>Gets or sets the peers whose key streams this gateway serves (default: the central server, 0).</summary>
        public ushort[] Peers { get; set; }

        /// <summary>Gets or sets the pool capacity in bits, over all peers; also the capacity the supplement policy fills to (DDKA s4: 5120).</summary>
        public long CapacityBits { get; set; }

        /// <summary>Gets or sets the limit on held block files (the pool's default, 24).</summary>
        public int MaxBlocks { get; set; }

        /// <summary>Gets or sets K_threshold_low in bits (default 1280 = a quarter of the capacity, the paper's low start level).</summary>
        public long LowThresholdBits { get; set; }

        /// <summary>Gets or sets K_threshold_high in bits (default 4096 = 80 % of the capacity).</summary>
        public long HighThresholdBits { get; set; }

        /// <summary>Gets or sets the DDKA trade-off w in [0, 1] (paper s4: 0.5).</summary>
        public double TradeOff { get; set; }

        /// <summary>Gets or sets the slot length t_slot in milliseconds (default 1 s).</summary>
        public long SlotMilliseconds { get; set; }

        /// <summary>Gets or sets the most queued key requests (default 64).</summary>
        public int QueueCapacity { get; set; }

        /// <summary>Gets or sets how long a request may wait before it is dropped as insufficient (default 60 s).</summary>
        public long RequestDeadlineMilliseconds { get; set; }

        /// <summary>Gets or sets the least time between two supplement requests for one peer (default 5 s).</summary>
        public long SupplementRetryMilliseconds { get; set; }

        /// <summary>Gets or sets the status publishing interval (default 10 s; 0 = only on request of the caller).</summary>
        public long StatusIntervalMilliseconds { get; set; }

        /// <summary>Gets or sets how many send counters one storage write reserves (default 256).</summary>
        public int CounterChunk { get; set; }

        /// <summary>Gets the ids of the configured sensors, in the order they were added.</summary>
        public ushort[] SensorIds
        {
            get
            {
                ushort[] ids = new ushort[_sensorIds.Count];
                for (int i = 0; i < ids.Length; i++)
                {
                    ids[i] = (ushort)_sensorIds[i];
                }

                return ids;
            }
        }

        /// <summary>Adds a sensor and its 32-byte device key (shared only by that sensor and this gateway).</summary>
        public void AddSensor(ushort sensorId, byte[] deviceKey)
        {
            if (deviceKey == null || deviceKey.Length != 32)
            {
                throw new System.ArgumentException("Sensor " + sensorId.ToString() + ": a device key must be 32 bytes.", "deviceKey");
            }

            if (_sensorKeys.Contains((int)sensorId))
            {
                throw new System.ArgumentException("Sensor " + sensorId.ToString() + " is configured twice.", "sensorId");
            }

            _sensorKeys[(int)sensorId] = deviceKey;
            _sensorIds.Add(sensorId);
        }

        /// <summary>Returns a sensor's device key, or null when the sensor is not configured.</summary>
        public byte[] DeviceKeyOf(ushort sensorId)
        {
            return (byte[])_sensorKeys[(int)sensorId];
        }

        /// <summary>
        /// Returns true when this gateway hands out new keys of <paramref name="peer"/>'s stream in DDKA order: the
        /// authority's stream, or a gateway-to-gateway stream whose other gateway has a higher id. The higher-id gateway
        /// of a pair only serves the ranges its partner handed out, by key id (<see cref="SharedKeyRequestMessage"/>),
        /// so the two never hand out one range to two different sensors.
        /// </summary>
        public bool InitiatesOn(ushort peer)
        {
            return peer == AuthorityId || GatewayId < peer;
        }

        /// <summary>Returns true when <paramref name="peer"/> is one of the <see cref="Peers"/> this gateway serves keys of.</summary>
        public bool ServesPeer(ushort peer)
        {
            for (int i = 0; Peers != null && i < Peers.Length; i++)
            {
                if (Peers[i] == peer)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Throws <see cref="System.ArgumentException"/> naming the first setting that is out of range.</summary>
        public void Validate()
        {
            Require(GatewayId != 0, "GatewayId must be 1..65535 (0 is the central server).");
            Require(GatewayId != AuthorityId, "GatewayId must differ from AuthorityId.");
            Require(LinkKey != null && LinkKey.Length == 32, "LinkKey must be 32 bytes.");
            Require(Peers != null && Peers.Length > 0, "Peers must name at least one key stream.");
            Require(CapacityBits > 0 && CapacityBits % 8 == 0, "CapacityBits must be a positive multiple of 8.");
            Require(MaxBlocks > 0, "MaxBlocks must be positive.");
            Require(LowThresholdBits >= 0 && LowThresholdBits <= HighThresholdBits, "LowThresholdBits must lie in [0, HighThresholdBits].");
            Require(HighThresholdBits <= CapacityBits, "HighThresholdBits must not exceed CapacityBits.");
            Require(TradeOff >= 0.0 && TradeOff <= 1.0, "TradeOff w must lie in [0, 1].");
            Require(SlotMilliseconds > 0, "SlotMilliseconds must be positive.");
            Require(QueueCapacity > 0 && QueueCapacity <= 65535, "QueueCapacity must be 1..65535.");
            Require(RequestDeadlineMilliseconds > 0, "RequestDeadlineMilliseconds must be positive.");
            Require(SupplementRetryMilliseconds >= 0, "SupplementRetryMilliseconds must not be negative.");
            Require(StatusIntervalMilliseconds >= 0, "StatusIntervalMilliseconds must not be negative.");
            Require(CounterChunk >= 1 && CounterChunk <= 65536, "CounterChunk must be 1..65536.");
            Require(_sensorIds.Count > 0, "At least one sensor must be configured.");
            Require(_sensorIds.Count <= ReplayGuard.MaxSenders, "At most " + ReplayGuard.MaxSenders.ToString() + " sensors can be configured (one replay mark each).");
        }

        private static void Require(bool condition, string message)
        {
            if (!condition)
            {
                throw new System.ArgumentException("Gateway configuration: " + message);
            }
        }
    }
}
