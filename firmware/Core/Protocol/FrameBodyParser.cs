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
                    return KeyRequest.Length;
                case FrameType.KeyResponse:
                    return KeyResponse.BaseLength + KeyResponse.KeyIdLength + FrameLimits.MaxKeyBytes;
                case FrameType.KeyBlockDelivery:
                    return KeyBlockDelivery.BaseLength + FrameLimits.MaxBlockBytes;
                case FrameType.BlockAck:
                    return BlockAck.Length;
                case FrameType.SupplementRequest:
                    return SupplementRequest.Length;
                case FrameType.GatewayStatus:
                    return GatewayStatus.BaseLength + (FrameLimits.MaxStatusPeers * PeerLevel.Length) + (FrameLimits.MaxStatusCounters * 4);
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
                    body = KeyRequest.ReadFrom(reader);
                    break;
                case FrameType.KeyResponse:
                    body = KeyResponse.ReadFrom(reader);
                    break;
                case FrameType.KeyBlockDelivery:
                    body = KeyBlockDelivery.ReadFrom(reader);
                    break;
                case FrameType.BlockAck:
                    body = BlockAck.ReadFrom(reader);
                    break;
                case FrameType.SupplementRequest:
                    body = SupplementRequest.ReadFrom(reader);
                    break;
                case FrameType.GatewayStatus:
                    body = GatewayStatus.ReadFrom(reader);
                    break;
                default:
                    throw new FrameFormatException(FrameStatus.UnexpectedType, "type " + ((int)type).ToString() + " has no sealed-frame body.");
            }

            reader.RequireEnd("body");
            return body;
        }
    }
}
