namespace GatewayQkd.Device.Adapters
{
    /// <summary>Receives a message the MQTT adapter got from the broker (called on M2Mqtt's dispatch thread).</summary>
    /// <param name="topic">The topic it was published on.</param>
    /// <param name="payload">The payload bytes.</param>
    internal delegate void InboundMessageHandler(string topic, byte[] payload);
}
