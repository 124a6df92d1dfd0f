namespace GatewayQkd.Core.Protocol
{
    /// <summary>What an MQTT topic of the scheme in <see cref="Topics"/> carries.</summary>
    public enum TopicKind
    {
        /// <summary>Not a topic of this scheme.</summary>
        Unknown = 0,

        /// <summary>qkd/gn/{gw}/blocks: key block deliveries to a gateway.</summary>
        Blocks = 1,

        /// <summary>qkd/gn/{gw}/ack: block acknowledgements from a gateway.</summary>
        Ack = 2,

        /// <summary>qkd/gn/{gw}/req/{sensor}: key requests from a sensor.</summary>
        Request = 3,

        /// <summary>qkd/gn/{gw}/resp/{sensor}: key responses to a sensor.</summary>
        Response = 4,

        /// <summary>qkd/gn/{gw}/supplement: supplement requests from a gateway.</summary>
        Supplement = 5,

        /// <summary>qkd/gn/{gw}/status: status of a gateway.</summary>
        Status = 6,

        /// <summary>qkd/cs/telemetry/{gw}/{sensor}: encrypted telemetry for the central server.</summary>
        Telemetry = 7,

        /// <summary>qkd/gn/{gw}/resync: gateway to authority, PoolResync.</summary>
        Resync = 8,
    }
}
