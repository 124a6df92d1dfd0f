using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Gateway
{
    /// <summary>
    /// Seals and publishes the gateway's outbound frames: each takes a fresh counter from the persistent
    /// <see cref="SendCounter"/>, key material is wrapped under a message key bound to that counter and a fresh random
    /// salt (<see cref="KeyWrap"/>), and nothing is published unsealed or unwrapped.
    /// </summary>
    internal sealed class GatewayOutbox
    {
        private readonly ushort _gatewayId;
        private readonly IMessageBus _bus;
        private readonly FrameSealer _sealer;
        private readonly KeyWrap _wrap;
        private readonly SendCounter _counter;
        private readonly IRandomSource _random;

        public GatewayOutbox(ushort gatewayId, IMessageBus bus, ICryptoPrimitives crypto, IRandomSource random, SendCounter counter)
        {
            _random = random;
            _gatewayId = gatewayId;
            _bus = bus;
            _sealer = new FrameSealer(crypto);
            _wrap = new KeyWrap(crypto);
            _counter = counter;
        }

        /// <summary>Publishes a frame to <paramref name="recipient"/> on <paramref name="topic"/>.</summary>
        public void Send(string topic, ushort recipient, FrameKeys keys, FrameBody body)
        {
            uint counter = _counter.Next();
            _bus.Publish(topic, _sealer.Seal(body, _gatewayId, recipient, counter, keys));
        }

        /// <summary>Publishes a key response without a key (waiting, insufficient or rejected) with its reason.</summary>
        public void SendNotServed(ushort sensorId, FrameKeys keys, uint requestId, KeyResponseStatus status, KeyResponseReason reason)
        {
            Send(Topics.Response(_gatewayId, sensorId), sensorId, keys, KeyResponseMessage.NotServed(requestId, status, reason));
        }

        /// <summary>Publishes a served key response: the key bytes AES-256-CTR wrapped under the sensor's wrap key.</summary>
        public void SendServed(ushort sensorId, FrameKeys keys, uint requestId, GatewayQkd.Core.Pool.KeyRange range, byte[] material)
        {
            uint counter = _counter.Next();
            byte[] salt = new byte[KeyWrap.SaltLength];
            _random.NextBytes(salt);
            byte[] wrapped = _wrap.Apply(keys, FrameType.KeyResponse, _gatewayId, sensorId, counter, salt, material);
            KeyResponseMessage body = KeyResponseMessage.Served(requestId, range.PeerId, range.Offset, salt, wrapped);
            _bus.Publish(Topics.Response(_gatewayId, sensorId), _sealer.Seal(body, _gatewayId, sensorId, counter, keys));
        }
    }
}
