using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Gateway
{
    /// <summary>Builds the status message: the configured peers' pools, then any other peer the pool holds, up to the frame's limit.</summary>
    internal static class StatusSnapshot
    {
        public static GatewayStatusMessage Build(GatewayConfig config, KeyPool pool, long now, IndicatorState state, int queueLength, GatewayCounters counters)
        {
            ushort[] configured = config.Peers;
            ushort[] held = pool.PeerIds;
            PeerLevel[] buffer = new PeerLevel[FrameLimits.MaxStatusPeers];
            int count = 0;
            for (int i = 0; i < configured.Length + held.Length && count < buffer.Length; i++)
            {
                ushort peer = i < configured.Length ? configured[i] : held[i - configured.Length];
                if (i >= configured.Length && config.ServesPeer(peer))
                {
                    continue;
                }

                buffer[count++] = new PeerLevel(peer, Bits(pool.AvailableBits(peer)), Bits(config.CapacityBits));
            }

            PeerLevel[] levels = new PeerLevel[count];
            System.Array.Copy(buffer, levels, count);
            return new GatewayStatusMessage(now < 0 ? 0 : now, (int)state, queueLength > 65535 ? 65535 : queueLength, levels, counters.Snapshot());
        }

        public static uint Bits(long bits)
        {
            return bits < 0 ? 0 : bits > 0xFFFFFFFFL ? 0xFFFFFFFFu : (uint)bits;
        }
    }
}
