namespace GatewayQkd.Core.Protocol
{
    /// <summary>The kinds of frame on the wire; the byte after the version in every frame header (docs/protocol.md s2).</summary>
    public enum FrameType : byte
    {
        /// <summary>Sensor to gateway: a request for key material (K_qua, K_sec, destination).</summary>
        KeyRequest = 1,

        /// <summary>Gateway to sensor: the answer to a key request, carrying the wrapped key when served.</summary>
        KeyResponse = 2,

        /// <summary>HAP/CS to gateway: a block of fresh key material, wrapped under the link key.</summary>
        KeyBlockDelivery = 3,

        /// <summary>Gateway to HAP/CS: the acknowledgement of a delivered block.</summary>
        BlockAck = 4,

        /// <summary>Gateway to HAP/CS: a DDKA key supplement request (paper s3.4).</summary>
        SupplementRequest = 5,

        /// <summary>Gateway to HAP/CS: pool levels, queue length and counters.</summary>
        GatewayStatus = 6,

        /// <summary>Sensor to central server: telemetry encrypted and tagged with a quantum key.</summary>
        Telemetry = 7,

        /// <summary>Gateway to HAP/CS: what the gateway holds of a stream, so missing blocks are sent again (PoolResyncMessage).</summary>
        PoolResync = 8,

        /// <summary>HAP to gateway: a gateway-to-gateway key block relayed by XOR forwarding (<see cref="KeyRelayMessage"/>).</summary>
        KeyRelay = 9,

        /// <summary>Sensor to gateway: fetch the key a sensor at the pair's other gateway obtained (<see cref="SharedKeyRequestMessage"/>).</summary>
        SharedKeyRequest = 10,
    }
}
