namespace GatewayQkd.Core.Protocol
{
    /// <summary>Thrown by the frame reader and body parsers when bytes do not form a valid frame; carries the result code.</summary>
    public class FrameFormatException : System.Exception
    {
        /// <summary>Creates the exception with the status that names the problem and a message saying what was expected.</summary>
        public FrameFormatException(FrameStatus status, string message)
            : base(message)
        {
            Status = status;
        }

        /// <summary>Gets the result code of the failure.</summary>
        public FrameStatus Status { get; private set; }
    }
}
