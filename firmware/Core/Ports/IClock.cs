namespace GatewayQkd.Core.Ports
{
    /// <summary>A monotonic clock in milliseconds (device: time since boot; host: real or simulated time).</summary>
    public interface IClock
    {
        /// <summary>Gets the current time in milliseconds; never decreases.</summary>
        long NowMilliseconds { get; }
    }
}
