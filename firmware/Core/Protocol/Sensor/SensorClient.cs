using GatewayQkd.Core.Crypto;
using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// The sensor's side of the protocol, portable so a sensor MCU can run it: builds authenticated key requests,
    /// verifies and unwraps key responses (replay-protected across restarts), and seals telemetry for the central
    /// server under a delivered key with the protection its level calls for (<see cref="TelemetryModes"/>).
    /// Created with a message bus and a reading source it is also the sensor's whole state machine, the one the sensor
    /// board (firmware/Sensor) and the host's emulated sensors run: <see cref="RequestKey(int, long)"/> publishes a request and
    /// records it as open; <see cref="HandleMessage"/> takes the gateway's answer and, when it carries a key, seals one
    /// reading under it and publishes it on the telemetry topic.
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
        private readonly IMessageBus _bus;
        private readonly ISensorReadings _readings;
        private readonly int _maxReadingBytes;
        private readonly PendingKeyRequests _pending;
        private readonly PendingKeyRequests _fetches;
        private uint _nextRequestId = 1;

        /// <summary>Key requests go to the central server's stream (peer 0): the telemetry is for the central server.</summary>
        public const ushort CentralServerPeer = 0;

        /// <summary>Creates the client for sensor <paramref name="sensorId"/> of gateway <paramref name="gatewayId"/> with its 32-byte device key.</summary>
        public SensorClient(ushort sensorId, ushort gatewayId, byte[] deviceKey, ICryptoPrimitives crypto, IKeyStorage storage, int counterChunk)
            : this(sensorId, gatewayId, deviceKey, crypto, storage, counterChunk, null, null, 0, 1)
        {
        }

        /// <summary>
        /// Creates the client as a state machine that publishes on <paramref name="bus"/>, takes readings of up to
        /// <paramref name="maxReadingBytes"/> from <paramref name="readings"/> and keeps at most
        /// <paramref name="pendingCapacity"/> requests open (<see cref="PendingKeyRequests"/>).
        /// </summary>
        public SensorClient(
            ushort sensorId,
            ushort gatewayId,
            byte[] deviceKey,
            ICryptoPrimitives crypto,
            IKeyStorage storage,
            int counterChunk,
            IMessageBus bus,
            ISensorReadings readings,
            int maxReadingBytes,
            int pendingCapacity)
        {
            FieldCheck.InRange("reading bytes", maxReadingBytes, 0, FrameLimits.MaxTelemetryBytes);
            _bus = bus;
            _readings = readings;
            _maxReadingBytes = maxReadingBytes;
            _pending = new PendingKeyRequests(pendingCapacity);
            _fetches = new PendingKeyRequests(pendingCapacity);
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

        /// <summary>Raised with each delivered key before it is used (see <see cref="SensorKeyHandler"/>).</summary>
        public event SensorKeyHandler KeyDelivered;

        /// <summary>Gets the open requests.</summary>
        public PendingKeyRequests Pending
        {
            get { return _pending; }
        }

        /// <summary>
        /// Publishes a key request at K_sec <paramref name="securityLevel"/> (1..5; plaintext needs no key) for the central
        /// server's stream, sized for one reading (<see cref="TelemetryModes.RequiredKeyBits"/>), and records it as open
        /// with the caller's <paramref name="tag"/>. Returns the request id.
        /// </summary>
        public uint RequestKey(int securityLevel, long tag)
        {
            return RequestKey(CentralServerPeer, securityLevel, tag);
        }

        /// <summary>
        /// As <see cref="RequestKey(int, long)"/>, for the stream of <paramref name="destination"/>: the central server (0)
        /// or, for a key shared with a sensor at another gateway, that gateway (docs/protocol.md s2.9). The reading is
        /// then sealed under the shared key and published on the telemetry topic, where the partner sensor reads it.
        /// </summary>
        public uint RequestKey(ushort destination, int securityLevel, long tag)
        {
            RequireStateMachine();
            int bits = TelemetryModes.RequiredKeyBits(securityLevel, _maxReadingBytes);
            uint requestId = NextRequestId();
            byte[] frame = BuildKeyRequest(requestId, destination, securityLevel, bits);
            _pending.Add(requestId, securityLevel, tag);
            _bus.Publish(RequestTopic, frame);
            return requestId;
        }

        /// <summary>
        /// Publishes a shared-key request: the key <paramref name="range"/> that sensor <paramref name="peerSensor"/> at
        /// gateway <paramref name="peerGateway"/> obtained there (its peer is this sensor's gateway), and records it as
        /// open with <paramref name="tag"/>. When the key arrives, <see cref="KeyDelivered"/> gets it and nothing is
        /// published (outcome <see cref="SensorOutcomeKind.Fetched"/>). Returns the request id.
        /// </summary>
        public uint FetchSharedKey(ushort peerGateway, ushort peerSensor, KeyRange range, int securityLevel, long tag)
        {
            RequireStateMachine();
            uint requestId = NextRequestId();
            byte[] frame = BuildSharedKeyRequest(requestId, peerGateway, peerSensor, securityLevel, range);
            _fetches.Add(requestId, securityLevel, tag);
            _bus.Publish(RequestTopic, frame);
            return requestId;
        }

        /// <summary>Seals a shared-key request for <paramref name="range"/> (offset and length; its peer must be this sensor's gateway).</summary>
        public byte[] BuildSharedKeyRequest(uint requestId, ushort peerGateway, ushort peerSensor, int securityLevel, KeyRange range)
        {
            if (range == null)
            {
                throw new System.ArgumentNullException("range");
            }

            if (range.PeerId != _gatewayId)
            {
                throw new System.ArgumentException("a shared key's id names the stream with this sensor's gateway " + _gatewayId.ToString() + ", not " + range.PeerId.ToString(), "range");
            }

            SharedKeyRequestMessage request = new SharedKeyRequestMessage(requestId, peerGateway, peerSensor, securityLevel, range.Offset, range.Length);
            return _channel.Seal(request, _channel.NextCounter());
        }

        /// <summary>
        /// Handles one inbound message: a key response on this sensor's response topic that answers an open request.
        /// Waiting keeps the request open; a key closes it, is handed to <see cref="KeyDelivered"/>, seals one reading
        /// and is erased; any other answer closes it. Everything else is ignored and changes nothing.
        /// </summary>
        public SensorOutcome HandleMessage(string topic, byte[] payload)
        {
            RequireStateMachine();
            TopicAddress address = topic == null ? null : Topics.Parse(topic);
            if (address == null || address.Kind != TopicKind.Response || address.GatewayId != _gatewayId || address.SensorId != _sensorId || payload == null)
            {
                return SensorOutcome.Ignored(SensorOutcomeKind.NotForThisSensor, "not this sensor's response topic");
            }

            SensorKeyResult result = OpenKeyResponse(payload);
            if (result.Status != FrameStatus.Ok)
            {
                return SensorOutcome.Ignored(SensorOutcomeKind.Rejected, result.Message);
            }

            uint requestId = result.Response.RequestId;
            int slot = _pending.Find(requestId);
            if (slot < 0 && _fetches.Find(requestId) >= 0)
            {
                return Fetched(result, requestId);
            }

            if (slot < 0)
            {
                if (result.HasKey)
                {
                    Bytes.Erase(result.Key);
                }

                return SensorOutcome.Ignored(SensorOutcomeKind.Unexpected, "answer to request " + requestId + ", which is not open");
            }

            int level = _pending.LevelAt(slot);
            long tag = _pending.TagAt(slot);
            if (result.Response.Status == KeyResponseStatus.Waiting)
            {
                return SensorOutcome.ForRequest(SensorOutcomeKind.Waiting, "queued by the gateway", requestId, level, tag, null, null);
            }

            _pending.RemoveAt(slot);
            if (result.Response.Status != KeyResponseStatus.Ok || !result.HasKey)
            {
                return SensorOutcome.ForRequest(SensorOutcomeKind.Refused, "refused by the gateway", requestId, level, tag, null, null);
            }

            SensorKeyHandler delivered = KeyDelivered;
            if (delivered != null)
            {
                delivered(result.Range, result.Key);
            }

            byte[] reading = _readings.Read(result.Range);
            if (reading == null || reading.Length > _maxReadingBytes)
            {
                Bytes.Erase(result.Key);
                throw new System.InvalidOperationException("a reading must be 0.." + _maxReadingBytes + " bytes");
            }

            _bus.Publish(TelemetryTopic, BuildTelemetry(result.Range, result.Key, level, reading));
            return SensorOutcome.ForRequest(SensorOutcomeKind.Served, "ok", requestId, level, tag, result.Range, reading);
        }

        // The answer to a shared-key fetch: the key goes to KeyDelivered only; a refusal closes the fetch.
        private SensorOutcome Fetched(SensorKeyResult result, uint requestId)
        {
            int slot = _fetches.Find(requestId);
            int level = _fetches.LevelAt(slot);
            long tag = _fetches.TagAt(slot);
            _fetches.RemoveAt(slot);
            if (result.Response.Status != KeyResponseStatus.Ok || !result.HasKey)
            {
                return SensorOutcome.ForRequest(SensorOutcomeKind.Refused, "shared key refused by the gateway", requestId, level, tag, null, null);
            }

            SensorKeyHandler delivered = KeyDelivered;
            if (delivered != null)
            {
                delivered(result.Range, result.Key);
            }

            return SensorOutcome.ForRequest(SensorOutcomeKind.Fetched, "ok", requestId, level, tag, result.Range, null);
        }

        private uint NextRequestId()
        {
            uint requestId = _nextRequestId++;
            if (_nextRequestId == 0)
            {
                _nextRequestId = 1;
            }

            return requestId;
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

        private void RequireStateMachine()
        {
            if (_bus == null || _readings == null)
            {
                throw new System.InvalidOperationException("this SensorClient was created without a message bus and readings");
            }
        }
    }
}
