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
        private readonly IRandomSource _random;

        /// <summary>Creates the link to <paramref name="gatewayId"/> with their shared 32-byte link key; <paramref name="random"/> draws the wrap salts.</summary>
        public AuthorityLink(ushort authorityId, ushort gatewayId, byte[] linkKey, ICryptoPrimitives crypto, IRandomSource random, IKeyStorage storage, int counterChunk)
        {
            if (random == null)
            {
                throw new System.ArgumentNullException("random");
            }

            _random = random;
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

        /// <summary>Returns the delivery frame of <paramref name="block"/>, its material AES-256-CTR wrapped under a message key of the link key and a fresh salt.</summary>
        public byte[] SealBlock(KeyBlock block)
        {
            if (block == null)
            {
                throw new System.ArgumentNullException("block");
            }

            uint counter = _channel.NextCounter();
            byte[] salt = new byte[KeyWrap.SaltLength];
            _random.NextBytes(salt);
            byte[] wrapped = _wrap.Apply(_channel.Keys, FrameType.KeyBlockDelivery, _authorityId, _gatewayId, counter, salt, block.Material);
            KeyBlockMessage body = new KeyBlockMessage(block.PeerId, block.BlockId, block.Offset, salt, wrapped);
            return _channel.Seal(body, counter);
        }

        /// <summary>
        /// Seals <paramref name="block"/> of a gateway-to-gateway stream as XOR forwarding to this gateway (DDKA s2.3):
        /// <paramref name="linkKey"/> is fresh key K2 of the HAP's link with this gateway, as long as the block; the
        /// frame carries K2 wrapped and K1 xor K2, where K1 is the block's material. The block keeps its id and offset;
        /// its peer becomes <paramref name="pairPeer"/>, the pair's other gateway.
        /// </summary>
        public byte[] SealRelay(KeyBlock block, ushort pairPeer, byte[] linkKey)
        {
            if (block == null || linkKey == null)
            {
                throw new System.ArgumentNullException(block == null ? "block" : "linkKey");
            }

            FieldCheck.Length("link key", linkKey, block.Material.Length);
            byte[] relayed = new byte[linkKey.Length];
            GatewayQkd.Core.Crypto.Bytes.Xor(block.Material, 0, linkKey, 0, relayed, 0, relayed.Length);

            uint counter = _channel.NextCounter();
            byte[] salt = new byte[KeyWrap.SaltLength];
            _random.NextBytes(salt);
            byte[] wrapped = _wrap.Apply(_channel.Keys, FrameType.KeyRelay, _authorityId, _gatewayId, counter, salt, linkKey);
            return _channel.Seal(new KeyRelayMessage(pairPeer, block.BlockId, block.Offset, salt, wrapped, relayed), counter);
        }

        /// <summary>Opens a frame from the gateway (ack, supplement request or status); any failure returns a code and changes nothing.</summary>
        public FrameOpenResult Open(byte[] payload)
        {
            return _channel.Open(payload);
        }
    }
}
