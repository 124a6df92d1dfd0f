namespace GatewayQkd.Device.Adapters
{
    /// <summary>
    /// One message of the MQTT adapter's outbox: kept from Publish until the broker's PUBACK for it arrives (M2Mqtt's
    /// MqttMsgPublished event), so a message lost with a connection is sent again after the reconnect.
    /// </summary>
    internal sealed class OutboxMessage
    {
        public OutboxMessage(string topic, byte[] payload)
        {
            Topic = topic;
            Payload = payload;
        }

        /// <summary>Gets the topic.</summary>
        public string Topic { get; private set; }

        /// <summary>Gets the payload.</summary>
        public byte[] Payload { get; private set; }

        /// <summary>Gets or sets a value indicating whether M2Mqtt holds it and its PUBACK is awaited.</summary>
        public bool InFlight { get; set; }

        /// <summary>Gets or sets the MQTT message id M2Mqtt gave it when it was handed over.</summary>
        public ushort MessageId { get; set; }
    }
}
