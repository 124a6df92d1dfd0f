namespace GatewayQkd.Core.Protocol
{
    /// <summary>A parsed topic: its kind and the gateway and sensor ids it names.</summary>
    public sealed class TopicAddress
    {
        /// <summary>Creates a parsed topic.</summary>
        public TopicAddress(TopicKind kind, ushort gatewayId, ushort sensorId)
        {
            Kind = kind;
            GatewayId = gatewayId;
            SensorId = sensorId;
        }

        /// <summary>Gets what the topic carries.</summary>
        public TopicKind Kind { get; private set; }

        /// <summary>Gets the gateway id in the topic.</summary>
        public ushort GatewayId { get; private set; }

        /// <summary>Gets the sensor id in the topic (0 for topics without one).</summary>
        public ushort SensorId { get; private set; }
    }
}
