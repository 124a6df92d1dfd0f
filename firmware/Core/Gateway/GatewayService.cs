using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Gateway
{
    /// <summary>
    /// The gateway state machine (docs/gateway-service.md): ingests key blocks from the HAP/CS into the durable key
    /// pool and acknowledges them, queues sensors' key requests and serves them slot by slot in DDKA order, wraps
    /// each key under the sensor's device key, asks for supplements when the DDKA policy says so, and publishes its
    /// status. Every inbound message is length-checked, authenticated and replay-checked before it changes anything;
    /// a rejected one is counted by reason and logged. All time comes from <see cref="Tick"/> and the clock port, so
    /// the same inputs give the same outputs.
    /// </summary>
    /// <remarks>Not thread-safe: the caller serialises <see cref="HandleMessage"/> and <see cref="Tick"/> (the device's
    /// MQTT callback and timer both take one lock).</remarks>
    public sealed class GatewayService
    {
        /// <summary>Storage file of the replay marks of the HAP/CS authority.</summary>
        public const string UpstreamReplayFile = "rg-upstream";

        /// <summary>Second copy of <see cref="UpstreamReplayFile"/>, so one damaged file never lowers a mark (docs/gateway-service.md "Damaged storage").</summary>
        public const string UpstreamReplayMirrorFile = "rg-upstream.m";

        /// <summary>Storage file of the replay marks of the sensors written by builds before the group commit; read only while no pool snapshot carries them.</summary>
        public const string SensorReplayFile = "rg-sensors";

        /// <summary>Slots a stream's first hole waits for its blocks to be resent before it is written off (docs/protocol.md s2.7).</summary>
        public const int HoleWaitSlots = StreamResync.HoleWaitSlots;

        /// <summary>Storage file of the gateway's send counter reservation.</summary>
        public const string SendCounterFile = "sc-gateway";

        /// <summary>Second copy of <see cref="SendCounterFile"/>, so one damaged file never moves the counter back (docs/gateway-service.md "Damaged storage").</summary>
        public const string SendCounterMirrorFile = "sc-gateway.m";

        private readonly GatewayConfig _config;
        private readonly IClock _clock;
        private readonly IMessageBus _bus;
        private readonly IIndicator _indicator;
        private readonly ILog _log;
        private readonly KeyPool _pool;
        private readonly FrameKeys _linkKeys;
        private readonly KeyWrap _wrap;
        private readonly FrameOpener _upstream;
        private readonly FrameOpener _sensors;
        private readonly GatewayOutbox _outbox;
        private readonly RequestScheduler _scheduler;
        private readonly StreamResync _resync;
        private readonly SharedKeyServer _shared;
        private readonly GatewayCounters _counters = new GatewayCounters();
        private long _servedSlot;
        private long _lastStatus;
        private IndicatorState _state;

        /// <summary>Creates the service: validates the configuration, recovers the pool and the replay state from storage.</summary>
        /// <remarks><paramref name="random"/> draws the salt of every key wrap (<see cref="KeyWrap"/>), so a lost send counter file cannot repeat a key stream.</remarks>
        public GatewayService(GatewayConfig config, IKeyStorage storage, ICryptoPrimitives crypto, IRandomSource random, IClock clock, IMessageBus bus, IIndicator indicator, ILog log)
        {
            Required(config, "config");
            Required(storage, "storage");
            Required(crypto, "crypto");
            Required(random, "random");
            Required(clock, "clock");
            Required(bus, "bus");
            Required(indicator, "indicator");
            Required(log, "log");

            config.Validate();
            _config = config;
            _clock = clock;
            _bus = bus;
            _indicator = indicator;
            _log = log;
            _state = IndicatorState.Booting;
            indicator.Show(_state);

            // The upstream marks and the send counter load (and repair a damaged copy) before the pool's recovery
            // writes anything, so both copies damaged refuses the start with the flash as it was.
            ReplayGuard upstreamMarks = new ReplayGuard(storage, UpstreamReplayFile, UpstreamReplayMirrorFile);
            SendCounter sendCounter = new SendCounter(storage, SendCounterFile, SendCounterMirrorFile, config.CounterChunk);
            WarnIfRepaired(UpstreamReplayFile, upstreamMarks.RepairedFiles);
            WarnIfRepaired(SendCounterFile, sendCounter.RepairedFiles);
            _pool = KeyPool.Open(storage, config.CapacityBits, config.MaxBlocks);
            _counters.Add(GatewayCounter.KeyBytesLost, StatusSnapshot.Bits(_pool.TotalLostBits / 8));
            _linkKeys = FrameKeys.Derive(crypto, config.LinkKey);
            _wrap = new KeyWrap(crypto);

            PeerKeyTable authority = new PeerKeyTable(crypto);
            authority.Add(config.AuthorityId, config.LinkKey);
            _upstream = new FrameOpener(config.GatewayId, crypto, authority, upstreamMarks, new FrameType[] { FrameType.KeyBlockDelivery, FrameType.KeyRelay });

            PeerKeyTable sensorKeys = new PeerKeyTable(crypto);
            ushort[] sensorIds = config.SensorIds;
            for (int i = 0; i < sensorIds.Length; i++)
            {
                sensorKeys.Add(sensorIds[i], config.DeviceKeyOf(sensorIds[i]));
            }

            // The sensors' marks and the send counter reservation are committed with the pool state, one write per
            // slot (SlotCommit); the counter file still holds what frames sent outside a slot commit reserved.
            SlotAttachment committed = SlotAttachment.Parse(_pool.Attachment);
            byte[] sensorMarks = committed.ReplayTable;
            if (sensorMarks == null && storage.Exists(SensorReplayFile))
            {
                sensorMarks = storage.Read(SensorReplayFile);
            }

            ReplayGuard sensorGuard = ReplayGuard.Staged(sensorMarks);
            _sensors = new FrameOpener(config.GatewayId, crypto, sensorKeys, sensorGuard, new FrameType[] { FrameType.KeyRequest, FrameType.SharedKeyRequest });
            // Numbering resumes above the slot snapshot's reservation too; if recovery dropped a damaged snapshot slot, it
            // may have been the newest, whose reservation the older slot lacks, so skip what one slot commit can reserve.
            sendCounter.ResumeAbove(committed.CounterReservation, SnapshotSlotDropped(_pool) ? SlotReservationBound(config) : 0);
            _outbox = new GatewayOutbox(config.GatewayId, bus, crypto, random, sendCounter);
            _scheduler = new RequestScheduler(config, _pool, new SlotCommit(_pool, sensorGuard, sendCounter), _outbox, sensorKeys, _linkKeys, _counters, log);
            _resync = new StreamResync(config, _pool, _outbox, _linkKeys, _counters, log);
            _shared = new SharedKeyServer(config, _pool, _outbox, sensorKeys, _counters, log);
            _servedSlot = clock.NowMilliseconds / config.SlotMilliseconds;
            _lastStatus = clock.NowMilliseconds;
        }

        /// <summary>Gets the configuration.</summary>
        public GatewayConfig Config
        {
            get { return _config; }
        }

        /// <summary>Gets the key pool (read its levels; the service alone changes it).</summary>
        public KeyPool Pool
        {
            get { return _pool; }
        }

        /// <summary>Gets the event counters.</summary>
        public GatewayCounters Counters
        {
            get { return _counters; }
        }

        /// <summary>Gets the number of queued key requests.</summary>
        public int QueueLength
        {
            get { return _scheduler.Count; }
        }

        /// <summary>Gets the state last shown on the indicator.</summary>
        public IndicatorState State
        {
            get { return _state; }
        }

        /// <summary>Subscribes to the gateway's inbound topics, shows the pool state and publishes a first status.</summary>
        public void Start()
        {
            _bus.Subscribe(Topics.Blocks(_config.GatewayId));
            _bus.Subscribe(Topics.RequestFilter(_config.GatewayId));
            UpdateIndicator();
            PublishStatus();
            _resync.SendAll(); // what recovery kept, so the authority sends again what is missing (docs/protocol.md s2.7)
            _log.Write(LogLevel.Info, "Gateway " + _config.GatewayId.ToString() + " serving; " + _pool.TotalAvailableBits.ToString() + " key bits available.");
        }

        /// <summary>
        /// Handles one inbound MQTT message. Returns <see cref="FrameStatus.Ok"/> when it was accepted and acted on;
        /// any other status means the message was rejected, counted and logged, and changed nothing.
        /// </summary>
        public FrameStatus HandleMessage(string topic, byte[] payload)
        {
            TopicAddress address = Topics.Parse(topic);
            bool ours = address != null && address.GatewayId == _config.GatewayId;
            FrameOpenResult opened;
            if (ours && address.Kind == TopicKind.Blocks)
            {
                opened = Open(_upstream, payload, -1);
            }
            else if (ours && address.Kind == TopicKind.Request)
            {
                opened = Open(_sensors, payload, address.SensorId);
            }
            else
            {
                opened = FrameOpenResult.Rejected(FrameStatus.BadTopic, "topic '" + topic + "' is not an inbound topic of gateway " + _config.GatewayId.ToString() + ".");
            }

            if (!opened.IsOk)
            {
                _counters.Increment(FrameRejections.CounterFor(opened.Status));
                _log.Write(LogLevel.Warning, "Rejected message on '" + topic + "': " + opened.Message);
                return opened.Status;
            }

            _counters.Increment(GatewayCounter.FramesAccepted);
            if (opened.Header.Type == FrameType.KeyBlockDelivery || opened.Header.Type == FrameType.KeyRelay)
            {
                IngestBlock(ReadBlock(opened));
            }
            else if (opened.Header.Type == FrameType.SharedKeyRequest)
            {
                _shared.Serve(opened.Header.SenderId, (SharedKeyRequestMessage)opened.Body);
            }
            else
            {
                _scheduler.Admit(opened.Header.SenderId, (KeyRequestMessage)opened.Body, _clock.NowMilliseconds);
            }

            UpdateIndicator();
            return FrameStatus.Ok;
        }

        /// <summary>
        /// Advances the gateway to <paramref name="nowMilliseconds"/>: when a slot has ended, serves the requests of
        /// the ended slots in DDKA order and sends due supplement requests; publishes the status when its interval passed.
        /// </summary>
        public void Tick(long nowMilliseconds)
        {
            long slot = nowMilliseconds / _config.SlotMilliseconds;
            if (slot > _servedSlot)
            {
                _servedSlot = slot;
                _resync.OnSlot(_scheduler.Count > 0);
                _scheduler.ServeFinishedSlots(slot, nowMilliseconds);
                UpdateIndicator();
            }

            if (_config.StatusIntervalMilliseconds > 0 && nowMilliseconds - _lastStatus >= _config.StatusIntervalMilliseconds)
            {
                _lastStatus = nowMilliseconds;
                PublishStatus();
            }
        }

        /// <summary>Publishes a status frame (levels per peer, queue length, counters) to the HAP/CS.</summary>
        public void PublishStatus()
        {
            _outbox.Send(Topics.Status(_config.GatewayId), _config.AuthorityId, _linkKeys, StatusSnapshot.Build(_config, _pool, _clock.NowMilliseconds, _state, _scheduler.Count, _counters));
        }

        /// <summary>Erases all key material (the zeroize button); returns the bits erased. Queued requests then wait for new blocks.</summary>
        public long Zeroize()
        {
            long erased = _pool.Zeroize();
            _state = IndicatorState.Zeroized;
            _indicator.Show(_state);
            _log.Write(LogLevel.Warning, "Pool zeroized: " + erased.ToString() + " key bits erased.");
            return erased;
        }

        private FrameOpenResult Open(FrameOpener opener, byte[] payload, int requiredSender)
        {
            return payload == null
                ? FrameOpenResult.Rejected(FrameStatus.Truncated, "frame: no payload.")
                : opener.Open(payload, 0, payload.Length, requiredSender);
        }

        // The block a delivery carries (unwrapped), or the one a relay carries: K1 = K2 xor (K1 xor K2), DDKA s2.3.
        private KeyBlock ReadBlock(FrameOpenResult opened)
        {
            KeyRelayMessage relay = opened.Body as KeyRelayMessage;
            if (relay == null)
            {
                KeyBlockMessage message = (KeyBlockMessage)opened.Body;
                return new KeyBlock(message.PeerId, message.BlockId, message.Offset, _wrap.Unwrap(opened, message.WrapSalt, message.WrappedMaterial));
            }

            byte[] linkKey = _wrap.Unwrap(opened, relay.WrapSalt, relay.WrappedLinkKey);
            try
            {
                return new KeyBlock(relay.PeerId, relay.BlockId, relay.Offset, relay.Recover(linkKey));
            }
            finally
            {
                GatewayQkd.Core.Crypto.Bytes.Erase(linkKey); // K2 is spent on this relay
            }
        }

        private void IngestBlock(KeyBlock block)
        {
            IngestResult result;
            try
            {
                result = _pool.Ingest(block);
            }
            finally
            {
                GatewayQkd.Core.Crypto.Bytes.Erase(block.Material); // the pool keeps its own copy; the unwrapped one must not linger
            }


            _counters.Increment(result == IngestResult.Accepted ? GatewayCounter.BlocksStored : GatewayCounter.BlocksRefused);
            if (result == IngestResult.Gap)
            {
                _resync.MarkDue(); // the authority's view of this stream is behind the pool's: report at the next slot
            }

            if (result != IngestResult.Accepted)
            {
                _log.Write(LogLevel.Warning, "Key block " + block.PeerId.ToString() + "/" + block.BlockId.ToString() + " not stored: result " + ((int)result).ToString() + ".");
            }

            BlockAckMessage ack = new BlockAckMessage(
                block.PeerId, block.BlockId, BlockAckResults.From(result), _pool.NextBlockId(block.PeerId), StatusSnapshot.Bits(_pool.AvailableBits(block.PeerId)));
            _outbox.Send(Topics.Ack(_config.GatewayId), _config.AuthorityId, _linkKeys, ack);
        }

        private void UpdateIndicator()
        {
            if (_state == IndicatorState.Zeroized && _pool.TotalAvailableBits == 0)
            {
                return;
            }

            IndicatorState state = IndicatorState.Ready;
            ushort[] peers = _config.Peers;
            for (int i = 0; i < peers.Length; i++)
            {
                long level = _pool.AvailableBits(peers[i]);
                if (level == 0)
                {
                    state = IndicatorState.PoolEmpty;
                    break;
                }

                if (level < _config.LowThresholdBits)
                {
                    state = IndicatorState.PoolLow;
                }
            }

            if (state != _state)
            {
                _state = state;
                _indicator.Show(state);
            }

            long percent = _pool.TotalAvailableBits * 100 / _config.CapacityBits;
            _indicator.ShowPoolLevel(percent > 100 ? 100 : (int)percent);
        }

        /// <summary>
        /// Most counters one slot commit can reserve beyond the reservation already durable elsewhere: the reservation
        /// grows by a chunk or to cover the slot's answers and its supplement requests (<see cref="SendCounter.ReservationFor"/>),
        /// a slot answers each queued request at most once and sends at most one supplement per peer
        /// (<see cref="RequestScheduler"/>), so at most max(CounterChunk, QueueCapacity + peers).
        /// </summary>
        public static uint SlotReservationBound(GatewayConfig config)
        {
            int slotFrames = config.QueueCapacity + config.Peers.Length;
            return (uint)(config.CounterChunk > slotFrames ? config.CounterChunk : slotFrames);
        }

        private static bool SnapshotSlotDropped(KeyPool pool)
        {
            string[] dropped = pool.LastRecovery.DroppedFiles;
            for (int i = 0; i < dropped.Length; i++)
            {
                if (KeyPool.IsSnapshotFile(dropped[i]))
                {
                    return true;
                }
            }

            return false;
        }

        // A copy rewritten at start is damage (or a cut between the two copies) the operator should hear of.
        private void WarnIfRepaired(string file, int repaired)
        {
            if (repaired > 0)
            {
                _log.Write(LogLevel.Warning, "State file " + file + ": " + repaired.ToString() + " of its two copies damaged, missing or behind; rewritten from the other.");
            }
        }

        // Names the missing argument, so the error says which port the caller forgot.
        private static void Required(object value, string name)
        {
            if (value == null)
            {
                throw new System.ArgumentNullException(name, "Every port and the configuration are required.");
            }
        }
    }
}
