using GatewayQkd.Core.Protocol;
using GatewayQkd.Emulation.Verifier;

namespace GatewayQkd.Emulation.CentralServer;

/// <summary>
/// The central server on the bus: subscribes to every gateway's upstream topics and to telemetry, and hands each
/// inbound message to its part: the <see cref="KeyStreams"/> (issue, in flight, resend, acknowledgements, status,
/// resync, supplements) or the <see cref="Telemetry"/> verifier. Refusals of both are tallied in one place.
/// </summary>
public sealed class CentralServerNode
{
    /// <summary>The authority's node id (the central server's stream id).</summary>
    public const ushort AuthorityId = 0;

    private readonly Core.Ports.IMessageBus _bus;
    private readonly KeyStreamServer _streams;
    private readonly FrameRefusals _refusals;
    private readonly bool _leased;
    private readonly Core.Ports.ILog _log;
    private TelemetryBatcher? _batcher;
    private UpstreamQueue? _upstream;

    /// <summary>
    /// Creates the central server for <paramref name="settings"/>' gateways; <paramref name="leased"/>: a worker of
    /// several that serves (key streams and telemetry) only the gateways attached to <see cref="Streams"/> by its leases.
    /// </summary>
    public CentralServerNode(KeyStreamSettings settings, CentralServerServices services, bool leased = false)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(services);
        services.ThrowIfIncomplete();
        _bus = services.Bus;
        _refusals = new FrameRefusals(services.Log, services.Counters);
        _streams = new KeyStreamServer(settings, services, _refusals, leased);
        _leased = leased;
        _log = services.Log;
        Telemetry = new TelemetryVerifier(_streams.GatewayIds, _streams.Pairs, services, _refusals);
    }

    /// <summary>Gets the key streams (what the HAP issues through).</summary>
    public IKeyStreams KeyStreams => _streams;

    /// <summary>Gets the key streams with their lease controls (attach, extend, detach).</summary>
    public KeyStreamServer Streams => _streams;

    /// <summary>Gets the telemetry verifier.</summary>
    public ITelemetryVerifier Telemetry { get; }

    /// <summary>Returns how many inbound frames were refused with <paramref name="status"/>.</summary>
    public long Rejections(FrameStatus status) => _refusals.Count(status);

    /// <summary>Subscribes to the gateways' upstream topics and telemetry, and pushes again every block the store holds unacknowledged (a resumed run).</summary>
    public void Start()
    {
        foreach (var filter in Topics.AuthorityFilters())
        {
            _bus.Subscribe(filter);
        }

        _bus.Subscribe(Topics.TelemetryFilter);
        _streams.PushUnacknowledged();
    }

    /// <summary>
    /// From now on, telemetry that arrives through <see cref="Receive"/> is verified in batches off the bus's receive
    /// loop (<see cref="TelemetryBatcher"/>: one store commit per batch). The caller disposes the batcher once the bus
    /// is closed, before the store; <see cref="HandleMessage"/> still verifies at once.
    /// </summary>
    public TelemetryBatcher BatchTelemetry() => _batcher ??= new TelemetryBatcher(Telemetry, _log);

    /// <summary>
    /// From now on, upstream frames that arrive through <see cref="Receive"/> are handled in order by a loop of their
    /// own, off the bus's receive loop, with stale status frames skipped (<see cref="UpstreamQueue"/>). The caller
    /// disposes the queue once the bus is closed, before the store; <see cref="HandleMessage"/> still handles at once.
    /// </summary>
    public UpstreamQueue QueueUpstream() => _upstream ??= new UpstreamQueue(_streams.HandleUpstream, _log);

    /// <summary>
    /// The bus's handler: as <see cref="HandleMessage"/>, except that with <see cref="BatchTelemetry"/> telemetry is
    /// queued for the next batch instead of verified before this returns, and with <see cref="QueueUpstream"/> the
    /// gateways' upstream frames are queued for the upstream loop.
    /// </summary>
    public void Receive(string topic, byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var address = Topics.Parse(topic);
        if (_batcher is not null && address is { Kind: TopicKind.Telemetry } && !IsOtherWorkers(address))
        {
            _batcher.Post(new TelemetryFrame(address, payload));
            return;
        }

        if (_upstream is not null && address?.Kind is TopicKind.Ack or TopicKind.Supplement or TopicKind.Status or TopicKind.Resync)
        {
            _upstream.Post(address, payload);
            return;
        }

        Handle(topic, address, payload);
    }

    /// <summary>
    /// Handles one inbound MQTT message (acknowledgement, supplement, status, resync or telemetry). Returns
    /// <see cref="FrameStatus.Ok"/> when accepted; anything else was refused, counted and logged, and changed nothing.
    /// </summary>
    public FrameStatus HandleMessage(string topic, byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return Handle(topic, Topics.Parse(topic), payload);
    }

    private FrameStatus Handle(string topic, TopicAddress? address, byte[] payload) =>
        address?.Kind switch
        {
            TopicKind.Ack or TopicKind.Supplement or TopicKind.Status or TopicKind.Resync => _streams.HandleUpstream(address, payload),
            TopicKind.Telemetry when IsOtherWorkers(address) => FrameStatus.UnknownSender,
            TopicKind.Telemetry => Telemetry.Verify(address, payload),
            _ => _refusals.Refuse(FrameStatus.BadTopic, $"topic '{topic}' is not an inbound topic of the central server"),
        };

    // a leased worker verifies the telemetry of the gateways it serves; another worker's is not its to check
    private bool IsOtherWorkers(TopicAddress address) => _leased && !_streams.Serves(address.GatewayId);
}
