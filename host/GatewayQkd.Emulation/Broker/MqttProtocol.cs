namespace GatewayQkd.Emulation.Broker;

/// <summary>The MQTT protocol version a host client speaks to a broker.</summary>
public enum MqttProtocol
{
    /// <summary>MQTT 5 (the default: Mosquitto and the embedded broker; session expiry is sent).</summary>
    V500,

    /// <summary>MQTT 3.1.1 (protocol level 4), what the boards' M2Mqtt speaks and all NATS's MQTT interface accepts.</summary>
    V311,
}
