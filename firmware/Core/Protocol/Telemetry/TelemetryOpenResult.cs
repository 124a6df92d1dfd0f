namespace GatewayQkd.Core.Protocol
{
    /// <summary>The outcome of verifying and decrypting a telemetry frame: a status, a message, and on success the plaintext.</summary>
    public sealed class TelemetryOpenResult
    {
        private TelemetryOpenResult(FrameStatus status, string message, TelemetryHeader header, byte[] plaintext)
        {
            Status = status;
            Message = message;
            Header = header;
            Plaintext = plaintext;
        }

        /// <summary>Gets the result code (<see cref="FrameStatus.Ok"/> only when the tag verified).</summary>
        public FrameStatus Status { get; private set; }

        /// <summary>Gets a sentence naming the problem, or "ok".</summary>
        public string Message { get; private set; }

        /// <summary>Gets the header (null when it could not be read).</summary>
        public TelemetryHeader Header { get; private set; }

        /// <summary>Gets the decrypted payload (null on failure).</summary>
        public byte[] Plaintext { get; private set; }

        /// <summary>Gets whether the frame verified.</summary>
        public bool IsOk
        {
            get { return Status == FrameStatus.Ok; }
        }

        /// <summary>Creates a success result.</summary>
        public static TelemetryOpenResult Accepted(TelemetryHeader header, byte[] plaintext)
        {
            return new TelemetryOpenResult(FrameStatus.Ok, "ok", header, plaintext);
        }

        /// <summary>Creates a failure result (the header when it was readable).</summary>
        public static TelemetryOpenResult Rejected(FrameStatus status, string message, TelemetryHeader header)
        {
            return new TelemetryOpenResult(status, message, header, null);
        }
    }
}
