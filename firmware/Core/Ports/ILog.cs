namespace GatewayQkd.Core.Ports
{
    /// <summary>Log sink, so the core never calls Console or Debug itself (device: Console.WriteLine; host: the host's logger).</summary>
    public interface ILog
    {
        /// <summary>Writes one log line.</summary>
        void Write(LogLevel level, string message);
    }
}
