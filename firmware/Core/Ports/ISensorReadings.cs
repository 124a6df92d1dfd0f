using GatewayQkd.Core.Pool;

namespace GatewayQkd.Core.Ports
{
    /// <summary>
    /// Where a sensor's telemetry readings come from (board: its measurements; host: an emulated reading). The
    /// sensor state machine asks for one reading per delivered key, right before sealing it under that key.
    /// </summary>
    public interface ISensorReadings
    {
        /// <summary>
        /// Returns the next reading's bytes (at most the client's maximum reading size), to be sealed under the key
        /// <paramref name="key"/> names and published right after this call.
        /// </summary>
        byte[] Read(KeyRange key);
    }
}
