namespace GatewayQkd.Core.Ports
{
    /// <summary>
    /// Publish/subscribe of byte payloads (MQTT on both the device and the host). Inbound messages are handed by the
    /// adapter to the gateway service's message handler; this port only sends and subscribes.
    /// </summary>
    /// <remarks>Publishing is at-least-once (MQTT QoS 1) and never retained: key-carrying messages must not stay on the broker.</remarks>
    public interface IMessageBus
    {
        /// <summary>Publishes <paramref name="payload"/> on <paramref name="topic"/>.</summary>
        void Publish(string topic, byte[] payload);

        /// <summary>Subscribes to a topic filter (MQTT wildcards + and # allowed).</summary>
        void Subscribe(string topicFilter);
    }
}
