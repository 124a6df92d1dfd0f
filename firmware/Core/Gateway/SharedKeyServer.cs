using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Gateway
{
    /// <summary>
    /// The receiving end of gateway-to-gateway keys (docs/protocol.md s2.9): serves a sensor the exact range its
    /// partner sensor at the pair's other gateway obtained there, from this gateway's copy of the pair stream (relayed
    /// by the HAP, <see cref="KeyRelayMessage"/>). Keys of a pair stream are handed out in stream order by the
    /// initiating gateway (<see cref="GatewayConfig.InitiatesOn"/>), so here the stream is consumed in the same order:
    /// bytes before the asked range that nobody fetched are passed over (erased, counted lost here: they were issued at
    /// the other gateway), and a range already consumed or passed over is refused (KeyGone), never served twice.
    /// </summary>
    internal sealed class SharedKeyServer
    {
        private readonly GatewayConfig _config;
        private readonly KeyPool _pool;
        private readonly GatewayOutbox _outbox;
        private readonly PeerKeyTable _sensorKeys;
        private readonly GatewayCounters _counters;
        private readonly ILog _log;

        public SharedKeyServer(GatewayConfig config, KeyPool pool, GatewayOutbox outbox, PeerKeyTable sensorKeys, GatewayCounters counters, ILog log)
        {
            _config = config;
            _pool = pool;
            _outbox = outbox;
            _sensorKeys = sensorKeys;
            _counters = counters;
            _log = log;
        }

        /// <summary>Answers an authenticated shared-key request of <paramref name="sensorId"/> at once: the key, or why not.</summary>
        public void Serve(ushort sensorId, SharedKeyRequestMessage request)
        {
            ushort peer = request.PeerGateway;
            KeyResponseStatus status = KeyResponseStatus.Rejected;
            KeyResponseReason reason = KeyResponseReason.None;
            long consumed = _pool.ConsumedEnd(peer);
            long end = (long)request.Offset + request.LengthBytes;
            if (peer == _config.AuthorityId || !_config.ServesPeer(peer) || _config.InitiatesOn(peer))
            {
                reason = KeyResponseReason.UnknownDestination;
            }
            else if (request.Offset < consumed)
            {
                reason = KeyResponseReason.KeyGone;
            }
            else if ((end - consumed) * 8 > _pool.AvailableBits(peer))
            {
                status = KeyResponseStatus.Insufficient;
                reason = KeyResponseReason.NotRelayedYet;
            }

            if (reason == KeyResponseReason.None)
            {
                reason = TakeAndSend(sensorId, request, consumed);
            }

            if (reason != KeyResponseReason.None)
            {
                _counters.Increment(status == KeyResponseStatus.Insufficient ? GatewayCounter.RequestsInsufficient : GatewayCounter.RequestsRejected);
                _log.Write(LogLevel.Warning, "Shared key " + peer.ToString() + "/" + request.Offset.ToString() + "+" + request.LengthBytes.ToString() + " for sensor " + sensorId.ToString() + " not served: reason " + ((int)reason).ToString() + ".");
                _outbox.SendNotServed(sensorId, _sensorKeys.Find(sensorId), request.RequestId, status, reason);
            }
        }

        // Passes over the bytes before the range (one take, erased), then takes the range itself; both durable.
        private KeyResponseReason TakeAndSend(ushort sensorId, SharedKeyRequestMessage request, long consumed)
        {
            ushort peer = request.PeerGateway;
            int skip = (int)(request.Offset - consumed);
            if (skip > 0)
            {
                TakeResult passed = _pool.Take(peer, skip);
                if (!passed.IsTaken)
                {
                    return KeyResponseReason.NotRelayedYet;
                }

                System.Array.Clear(passed.Material, 0, passed.Material.Length);
                _counters.Add(GatewayCounter.KeyBytesLost, (uint)skip);
            }

            TakeResult taken = _pool.Take(peer, request.LengthBytes);
            if (!taken.IsTaken)
            {
                return KeyResponseReason.NotRelayedYet;
            }

            if (taken.Range.Offset != request.Offset)
            {
                System.Array.Clear(taken.Material, 0, taken.Material.Length);
                _counters.Add(GatewayCounter.KeyBytesLost, (uint)taken.Range.Length);
                return KeyResponseReason.KeyGone;
            }

            KeyHandOut.Send(_outbox, _counters, _log, sensorId, _sensorKeys.Find(sensorId), request.RequestId, taken);
            return KeyResponseReason.None;
        }
    }
}
