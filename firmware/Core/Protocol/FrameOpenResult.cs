namespace GatewayQkd.Core.Protocol
{
    /// <summary>The outcome of opening one inbound frame: a status, a message naming the problem, and on success the frame.</summary>
    public sealed class FrameOpenResult
    {
        private FrameOpenResult(FrameStatus status, string message, FrameHeader header, FrameBody body, FrameKeys keys)
        {
            Status = status;
            Message = message;
            Header = header;
            Body = body;
            Keys = keys;
        }

        /// <summary>Gets the result code (<see cref="FrameStatus.Ok"/> only for an authentic, fresh, well-formed frame).</summary>
        public FrameStatus Status { get; private set; }

        /// <summary>Gets a sentence naming the problem, or "ok".</summary>
        public string Message { get; private set; }

        /// <summary>Gets the header (null on failure).</summary>
        public FrameHeader Header { get; private set; }

        /// <summary>Gets the parsed body (null on failure).</summary>
        public FrameBody Body { get; private set; }

        /// <summary>Gets the sender's working keys, e.g. to unwrap key material in the body (null on failure).</summary>
        public FrameKeys Keys { get; private set; }

        /// <summary>Gets whether the frame was accepted.</summary>
        public bool IsOk
        {
            get { return Status == FrameStatus.Ok; }
        }

        /// <summary>Creates a success result.</summary>
        public static FrameOpenResult Accepted(FrameHeader header, FrameBody body, FrameKeys keys)
        {
            return new FrameOpenResult(FrameStatus.Ok, "ok", header, body, keys);
        }

        /// <summary>Creates a failure result.</summary>
        public static FrameOpenResult Rejected(FrameStatus status, string message)
        {
            return new FrameOpenResult(status, message, null, null, null);
        }
    }
}
