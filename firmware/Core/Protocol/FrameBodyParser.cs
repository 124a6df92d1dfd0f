namespace GatewayQkd.Core.Protocol
{
    /// <summary>Parses an authenticated body by its frame type, requiring every byte to be used.</summary>
    public static class FrameBodyParser
    {
        /// <summary>Returns the largest body the type allows, in bytes.</summary>
        public static int MaxBodyLength(FrameType type)
        {
            switch (type)
            {
                case FrameType.KeyRequest:
                    return KeyRequestMessage.Length;
                case FrameType.KeyResponse:
                    return KeyResponseMessage.BaseLength + KeyResponseMessage.KeyIdLength + KeyWrap.SaltLength + FrameLimits.MaxKeyBytes;
                case FrameType.KeyBlockDelivery:
                    return KeyBlockMessage.BaseLength + FrameLimits.MaxBlockBytes;
                case FrameType.BlockAck:
                    return BlockAckMessage.Length;
                case FrameType.SupplementRequest:
                    return SupplementMessage.Length;
                case FrameType.GatewayStatus:
                    return GatewayStatusMessage.BaseLength + (FrameLimits.MaxStatusPeers * PeerLevel.Length) + (FrameLimits.MaxStatusCounters * 4);
                case FrameType.PoolResync:
                    return PoolResyncMessage.BaseLength + (PoolResyncMessage.MaxHoles * PoolResyncMessage.HoleLength);
                case FrameType.KeyRelay:
                    return KeyRelayMessage.BaseLength + (2 * KeyRelayMessage.MaxRelayBytes);
                case FrameType.SharedKeyRequest:
                    return SharedKeyRequestMessage.Length;
                default:
                    return 0;
            }
        }

        /// <summary>Parses the body in <paramref name="reader"/>; throws <see cref="FrameFormatException"/> when it is malformed.</summary>
        public static FrameBody Parse(FrameType type, FrameReader reader)
        {
            FrameBody body;
            switch (type)
            {
                case FrameType.KeyRequest:
                    body = KeyRequestMessage.ReadFrom(reader);
                    break;
                case FrameType.KeyResponse:
                    body = KeyResponseMessage.ReadFrom(reader);
                    break;
                case FrameType.KeyBlockDelivery:
                    body = KeyBlockMessage.ReadFrom(reader);
                    break;
                case FrameType.BlockAck:
                    body = BlockAckMessage.ReadFrom(reader);
                    break;
                case FrameType.SupplementRequest:
                    body = SupplementMessage.ReadFrom(reader);
                    break;
                case FrameType.GatewayStatus:
                    body = GatewayStatusMessage.ReadFrom(reader);
                    break;
                case FrameType.PoolResync:
                    body = PoolResyncMessage.ReadFrom(reader);
                    break;
                case FrameType.KeyRelay:
                    body = KeyRelayMessage.ReadFrom(reader);
                    break;
                case FrameType.SharedKeyRequest:
                    body = SharedKeyRequestMessage.ReadFrom(reader);
                    break;
                default:
                    throw new FrameFormatException(FrameStatus.UnexpectedType, "type " + ((int)type).ToString() + " has no sealed-frame body.");
            }

            reader.RequireEnd("body");
            return body;
        }
    }
}
