namespace nanoFramework.M2Mqtt
{
    /// <summary>MqttSslProtocols of nanoFramework.M2Mqtt.Core (MqttSslProtocols.cs).</summary>
    public enum MqttSslProtocols
    {
        None,
        SSLv3,
        TLSv1_0,
        TLSv1_1,
        TLSv1_2,
        TLSv1_3,
    }

    /// <summary>
    /// MqttSettings: InflightQueueSize bounds the one queue every QoS flow goes through - publishes waiting for PUBACK,
    /// subscribes waiting for SUBACK and received publishes waiting to be acknowledged (MqttClient.cs:1108). The
    /// library's default is int.MaxValue (MqttSettings.cs:63, DefaultInflightQueueSize).
    /// </summary>
    public sealed class MqttSettings
    {
        public const int DefaultInflightQueueSize = int.MaxValue;

        public int InflightQueueSize { get; set; } = DefaultInflightQueueSize;
    }
}
