// The message types of nanoFramework.M2Mqtt.Core 5.1.218 the device uses (nanoFramework.M2Mqtt.Core/Messages/*.cs).
namespace nanoFramework.M2Mqtt.Messages
{
    /// <summary>MqttQoSLevel of nanoFramework.M2Mqtt.Core.</summary>
    public enum MqttQoSLevel : byte
    {
        AtMostOnce = 0x00,
        AtLeastOnce = 0x01,
        ExactlyOnce = 0x02,
        GrantedFailure = 0x80,
    }

    /// <summary>MqttReasonCode of nanoFramework.M2Mqtt.Core (Messages/MqttReasonCode.cs): the CONNACK codes the twin can see.</summary>
    public enum MqttReasonCode : byte
    {
        Success = 0x00,
        UnspecifiedError = 0x80,
        MalformedPacket = 0x81,
        ProtocolError = 0x82,
        ImplementationSpecificError = 0x83,
        UnsupportedProtocolVersion = 0x84,
        ClientIdentifierNotValid = 0x85,
        BadUserNameOrPassword = 0x86,
        NotAuthorized = 0x87,
        ServerUnavailable = 0x88,
        ServerBusy = 0x89,
        Banned = 0x8A,
    }

    /// <summary>Arguments of MqttMsgPublishReceived.</summary>
    public sealed class MqttMsgPublishEventArgs : System.EventArgs
    {
        public MqttMsgPublishEventArgs(string topic, byte[] message, bool dupFlag, MqttQoSLevel qosLevel, bool retain)
        {
            Topic = topic;
            Message = message;
            DupFlag = dupFlag;
            QosLevel = qosLevel;
            Retain = retain;
        }

        public string Topic { get; }

        public byte[] Message { get; }

        public bool DupFlag { get; }

        public MqttQoSLevel QosLevel { get; }

        public bool Retain { get; }
    }

    /// <summary>Arguments of MqttMsgPublished: raised when the broker's PUBACK for a QoS 1 publish arrives (MqttClient.cs:1630).</summary>
    public sealed class MqttMsgPublishedEventArgs : System.EventArgs
    {
        public MqttMsgPublishedEventArgs(ushort messageId, bool isPublished)
        {
            MessageId = messageId;
            IsPublished = isPublished;
        }

        public ushort MessageId { get; }

        public bool IsPublished { get; }
    }
}

namespace nanoFramework.M2Mqtt.Exceptions
{
    /// <summary>MqttClientErrorCode of nanoFramework.M2Mqtt (the codes the twin raises).</summary>
    public enum MqttClientErrorCode
    {
        WillWrong = 1,
        KeepAliveWrong,
        TopicWildcard,
        TopicLength,
        QosNotAllowed,
        TopicsEmpty,
        QosLevelsEmpty,
        TopicsQosLevelsNotMatch,
        WrongBrokerMessage,
        WrongMessageId,
        InflightQueueFull,
        InvalidFlagBits,
        InvalidConnectFlags,
        InvalidClientId,
        InvalidProtocolName,
    }

    /// <summary>MqttClientException: thrown by Publish when the in-flight queue is full (MqttClient.cs:788).</summary>
    public sealed class MqttClientException : System.Exception
    {
        public MqttClientException(MqttClientErrorCode errorCode)
            : base("MQTT client error " + (int)errorCode + " (" + errorCode + ").")
        {
            ErrorCode = errorCode;
        }

        public MqttClientErrorCode ErrorCode { get; }
    }

    /// <summary>MqttConnectionException: the socket connect to the broker failed (MqttClient.cs Connect).</summary>
    public sealed class MqttConnectionException : System.Exception
    {
        public MqttConnectionException(string message, System.Exception innerException)
            : base(message, innerException)
        {
        }
    }

    /// <summary>MqttCommunicationException: sending on a closed connection.</summary>
    public sealed class MqttCommunicationException : System.Exception
    {
        public MqttCommunicationException(System.Exception innerException)
            : base("MQTT communication failed: " + innerException.Message, innerException)
        {
        }
    }
}
