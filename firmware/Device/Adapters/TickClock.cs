using GatewayQkd.Core.Ports;

namespace GatewayQkd.Device.Adapters
{
    /// <summary>Milliseconds since boot (Environment.TickCount64, nanoFramework.Runtime.Native): monotonic, unaffected by SNTP.</summary>
    internal sealed class TickClock : IClock
    {
        /// <inheritdoc />
        public long NowMilliseconds
        {
            get { return System.Environment.TickCount64; }
        }
    }
}
