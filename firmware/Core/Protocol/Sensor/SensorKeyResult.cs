using GatewayQkd.Core.Pool;

namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// What a sensor learns from one key response: whether the frame was accepted (<see cref="FrameStatus"/>), and if
    /// so the gateway's answer, and when served the key id and the unwrapped key bytes.
    /// </summary>
    public sealed class SensorKeyResult
    {
        private SensorKeyResult(FrameStatus status, string message, KeyResponseMessage response, KeyRange range, byte[] key)
        {
            Status = status;
            Message = message;
            Response = response;
            Range = range;
            Key = key;
        }

        /// <summary>Gets whether the frame was authentic, fresh and well formed (<see cref="FrameStatus.Ok"/>).</summary>
        public FrameStatus Status { get; private set; }

        /// <summary>Gets a sentence naming the problem, or "ok".</summary>
        public string Message { get; private set; }

        /// <summary>Gets the gateway's response (null when the frame was rejected).</summary>
        public KeyResponseMessage Response { get; private set; }

        /// <summary>Gets the key id when served, else null.</summary>
        public KeyRange Range { get; private set; }

        /// <summary>Gets the key bytes when served, else null (the caller erases them after their one use).</summary>
        public byte[] Key { get; private set; }

        /// <summary>Gets whether a key was delivered.</summary>
        public bool HasKey
        {
            get { return Key != null; }
        }

        /// <summary>Creates the result of an accepted response.</summary>
        public static SensorKeyResult Accepted(KeyResponseMessage response, KeyRange range, byte[] key)
        {
            return new SensorKeyResult(FrameStatus.Ok, "ok", response, range, key);
        }

        /// <summary>Creates the result of a rejected frame.</summary>
        public static SensorKeyResult Rejected(FrameStatus status, string message)
        {
            return new SensorKeyResult(status, message, null, null, null);
        }
    }
}
