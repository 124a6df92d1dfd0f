using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Gateway
{
    /// <summary>
    /// Hands a key the pool has durably consumed to its sensor (wrapped under the sensor's key), counts it, and erases
    /// the plain copy; if sending fails the range stays consumed and counts as lost, never reissued. Shared by the DDKA
    /// request queue and the shared-key fetch, so both hand keys out the same way.
    /// </summary>
    internal static class KeyHandOut
    {
        /// <summary>Sends <paramref name="taken"/> to <paramref name="sensorId"/> as the answer to <paramref name="requestId"/>.</summary>
        public static void Send(GatewayOutbox outbox, GatewayCounters counters, ILog log, ushort sensorId, FrameKeys keys, uint requestId, TakeResult taken)
        {
            try
            {
                outbox.SendServed(sensorId, keys, requestId, taken.Range, taken.Material);
                counters.Increment(GatewayCounter.RequestsServed);
                counters.Add(GatewayCounter.KeyBytesIssued, (uint)taken.Range.Length);
            }
            catch (System.Exception e)
            {
                // The range is consumed and never reissued; the sensor retries with a new request.
                counters.Add(GatewayCounter.KeyBytesLost, (uint)taken.Range.Length);
                log.Write(LogLevel.Error, "Key " + taken.Range.ToString() + " consumed but not delivered: " + e.Message);
            }
            finally
            {
                System.Array.Clear(taken.Material, 0, taken.Material.Length);
            }
        }
    }
}
