using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Gateway
{
    /// <summary>Maps a frame's rejection code to the status counter it increments.</summary>
    internal static class FrameRejections
    {
        public static GatewayCounter CounterFor(FrameStatus status)
        {
            switch (status)
            {
                case FrameStatus.Truncated:
                case FrameStatus.LengthMismatch:
                    return GatewayCounter.RejectedLength;
                case FrameStatus.UnsupportedVersion:
                case FrameStatus.UnknownType:
                case FrameStatus.BodyTooLarge:
                case FrameStatus.UnexpectedType:
                    return GatewayCounter.RejectedFormat;
                case FrameStatus.WrongRecipient:
                case FrameStatus.BadTopic:
                    return GatewayCounter.RejectedAddress;
                case FrameStatus.UnknownSender:
                case FrameStatus.BadTag:
                    return GatewayCounter.RejectedAuthentication;
                case FrameStatus.Replayed:
                    return GatewayCounter.RejectedReplay;
                default:
                    return GatewayCounter.RejectedBody;
            }
        }
    }
}
