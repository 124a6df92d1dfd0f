namespace GatewayQkd.Device.Runtime
{
    /// <summary>
    /// Back-pressure from the message bus to the gateway's slot loop: the runner serves a slot only when every message
    /// that slot may publish can be kept until the broker acknowledges it, so a key taken from the pool is never
    /// followed by a response the bus has no room for.
    /// </summary>
    internal interface IOutboundFlow
    {
        /// <summary>Returns true when the broker is connected and the outbox has room for <paramref name="messages"/> more.</summary>
        bool HasRoomFor(int messages);

        /// <summary>Hands waiting messages to the MQTT client as far as its send window allows.</summary>
        void Pump();
    }
}
