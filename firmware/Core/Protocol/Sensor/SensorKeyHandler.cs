using GatewayQkd.Core.Pool;

namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// Receives a delivered key before the sensor uses it (host runs record it to compare with the central key store;
    /// the board does not subscribe). The bytes are erased after the call: copy them to keep them.
    /// </summary>
    public delegate void SensorKeyHandler(KeyRange range, byte[] key);
}
