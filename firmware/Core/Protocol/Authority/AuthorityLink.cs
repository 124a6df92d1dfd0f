using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// The HAP/CS key authority's end of the link to one gateway (used by the host emulator, and by any real key
    /// relay): seals key block deliveries with the block wrapped under the link key, and opens the gateway's
    /// acknowledgements, supplement requests and status frames, replay-protected across restarts.
    /// </summary>
    /// <remarks>Files on its storage: "sc-auth-{gw}" (send counter) and "rg-auth-{gw}" (the gateway's replay mark). Not thread-safe.</remarks>
    public sealed class AuthorityLink
    {
        private readonly ushort _authorityId;
        private readonly ushort _gatewayId;
        private readonly PeerChannel _channel;
        private readonly KeyWrap _wrap;

        /// <summary>Creates the link to <paramref name="gatewayId"/> with their shared 32-byte link key.</summary>
        public AuthorityLink(ushort authorityId, ushort gatewayId, byte[] linkKey, ICryptoPrimitives crypto, IKeyStorage storage, int counterChunk)
        {
            FrameType[] accepted = new FrameType[] { FrameType.BlockAck, FrameType.SupplementRequest, FrameType.GatewayStatus, FrameType.PoolResync };
            _channel = new PeerChannel(authorityId, gatewayId, linkKey, crypto, storage, "rg-auth-" + gatewayId.ToString(), "sc-auth-" + gatewayId.ToString(), counterChunk, accepted);
            _authorityId = authorityId;
            _gatewayId = gatewayId;
            _wrap = new KeyWrap(crypto);
        }

        /// <summary>Gets the gateway at the other end.</summary>
        public ushort GatewayId
        {
            get { return _gatewayId; }
        }

        /// <summary>Gets the topic to publish block deliveries on.</summary>
        public string BlocksTopic
        {
            get { return Topics.Blocks(_gatewayId); }
        }

        /// <summary>Returns the delivery frame of <paramref name="block"/>, its material AES-256-CTR wrapped under the link key.</summary>
        public byte[] SealBlock(KeyBlock block)
        {
            if (block == null)
            {
                throw new System.ArgumentNullException("block");
            }

            uint counter = _channel.NextCounter();
            byte[] wrapped = _wrap.Apply(_channel.Keys, FrameType.KeyBlockDelivery, _authorityId, _gatewayId, counter, block.Material);
            KeyBlockMessage body = new KeyBlockMessage(block.PeerId, block.BlockId, block.Offset, wrapped);
            return _channel.Seal(body, counter);
        }

        /// <summary>Opens a frame from the gateway (ack, supplement request or status); any failure returns a code and changes nothing.</summary>
        public FrameOpenResult Open(byte[] payload)
        {
            return _channel.Open(payload);
        }
    }
}
