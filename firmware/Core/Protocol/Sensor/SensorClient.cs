using GatewayQkd.Core.Crypto;
using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// The sensor's side of the protocol, portable so a sensor MCU can run it: builds authenticated key requests,
    /// verifies and unwraps key responses (replay-protected across restarts), and seals telemetry for the central
    /// server under a delivered key with the protection its level calls for (<see cref="TelemetryModes"/>).
    /// </summary>
    /// <remarks>Keeps two small files on its storage: its send counter and the gateway's replay mark. Not thread-safe.</remarks>
    public sealed class SensorClient
    {
        /// <summary>Storage file of the sensor's send counter reservation.</summary>
        public const string SendCounterFile = "sc-sensor";

        /// <summary>Storage file of the gateway's replay mark.</summary>
        public const string ReplayFile = "rg-sensor";

        private readonly ushort _sensorId;
        private readonly ushort _gatewayId;
        private readonly PeerChannel _channel;
        private readonly KeyWrap _wrap;
        private readonly TelemetryCodec _telemetry;

        /// <summary>Creates the client for sensor <paramref name="sensorId"/> of gateway <paramref name="gatewayId"/> with its 32-byte device key.</summary>
        public SensorClient(ushort sensorId, ushort gatewayId, byte[] deviceKey, ICryptoPrimitives crypto, IKeyStorage storage, int counterChunk)
        {
            _channel = new PeerChannel(sensorId, gatewayId, deviceKey, crypto, storage, ReplayFile, SendCounterFile, counterChunk, new FrameType[] { FrameType.KeyResponse });
            _sensorId = sensorId;
            _gatewayId = gatewayId;
            _wrap = new KeyWrap(crypto);
            _telemetry = new TelemetryCodec(crypto);
        }

        /// <summary>Gets this sensor's id.</summary>
        public ushort SensorId
        {
            get { return _sensorId; }
        }

        /// <summary>Gets the topic to publish key requests on.</summary>
        public string RequestTopic
        {
            get { return Topics.Request(_gatewayId, _sensorId); }
        }

        /// <summary>Gets the topic to subscribe to for key responses.</summary>
        public string ResponseTopic
        {
            get { return Topics.Response(_gatewayId, _sensorId); }
        }

        /// <summary>Gets the topic to publish telemetry on.</summary>
        public string TelemetryTopic
        {
            get { return Topics.Telemetry(_gatewayId, _sensorId); }
        }

        /// <summary>Returns an authenticated key request frame (K_sec 1..5 in practice; K_qua a whole number of bytes).</summary>
        public byte[] BuildKeyRequest(uint requestId, ushort destination, int securityLevel, int quantityBits)
        {
            KeyRequestMessage request = new KeyRequestMessage(requestId, destination, securityLevel, quantityBits);
            return _channel.Seal(request, _channel.NextCounter());
        }

        /// <summary>Verifies a key response frame from the gateway and, when it carries a key, unwraps it.</summary>
        public SensorKeyResult OpenKeyResponse(byte[] payload)
        {
            FrameOpenResult opened = _channel.Open(payload);
            if (!opened.IsOk)
            {
                return SensorKeyResult.Rejected(opened.Status, opened.Message);
            }

            KeyResponseMessage response = (KeyResponseMessage)opened.Body;
            if (response.Status != KeyResponseStatus.Ok)
            {
                return SensorKeyResult.Accepted(response, null, null);
            }

            byte[] key = _wrap.Unwrap(opened, response.WrapSalt, response.WrappedKey);
            return SensorKeyResult.Accepted(response, new KeyRange(response.KeyPeer, response.KeyOffset, key.Length), key);
        }

        /// <summary>
        /// Returns a telemetry frame with <paramref name="plaintext"/> sealed under the delivered key (protection chosen
        /// by <paramref name="securityLevel"/>), then erases the key bytes: a key protects one message only.
        /// </summary>
        public byte[] BuildTelemetry(KeyRange range, byte[] key, int securityLevel, byte[] plaintext)
        {
            if (range == null || key == null || plaintext == null)
            {
                throw new System.ArgumentNullException(range == null ? "range" : key == null ? "key" : "plaintext");
            }

            TelemetryHeader header = new TelemetryHeader(_sensorId, _gatewayId, _channel.NextCounter(), range, TelemetryModes.ForLevel(securityLevel), plaintext.Length);
            byte[] frame = _telemetry.Seal(header, key, plaintext);
            Bytes.Erase(key);
            return frame;
        }
    }
}
