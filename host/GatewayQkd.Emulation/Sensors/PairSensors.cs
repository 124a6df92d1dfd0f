using GatewayQkd.Adapters;
using GatewayQkd.Core.Pool;
using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;
using GatewayQkd.Emulation.Bus;
using GatewayQkd.Emulation.Gateways;
using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Emulation.Options;

namespace GatewayQkd.Emulation.Sensors;

/// <summary>
/// The sensors of gateway-to-gateway keys (docs/protocol.md s2.9; DDKA paper s3.5, T1 under G1 talking to T2 under
/// G2): per pair, sensor <see cref="GatewayConfigFactory.PairSensorId"/> at the lower gateway asks for keys with the
/// higher gateway as destination (Poisson arrivals, emulated time) and seals one reading under each, published on its
/// telemetry topic (the central server verifies it with the relayed block it stored); the same sensor id at the higher
/// gateway reads that message, takes the key id from its header, fetches the key by id from its own gateway (a
/// SharedKeyRequest) and opens the message with it. A message that opens means both ends hold the same key
/// (<see cref="RunCounter.PairKeysAgreed"/>); one that does not is a mismatch. A fetch refused (the relay not there yet)
/// is tried again a few times. One MQTT connection for all pairs. Thread-safe (one lock).
/// </summary>
public sealed class PairSensors : IAsyncDisposable
{
    /// <summary>How often a refused fetch is tried again before the key counts as missed.</summary>
    public const int FetchAttempts = 20;

    /// <summary>Emulated seconds between two attempts of a fetch.</summary>
    public const double FetchRetrySeconds = 0.25;

    private const ushort SensorId = GatewayConfigFactory.PairSensorId;
    private readonly object _sync = new();
    private readonly IRunBus _bus;
    private readonly List<PairEnds> _pairs = [];
    private readonly RunCounters _counters;
    private readonly ILog _log;
    private readonly TelemetryCodec _codec;
    private readonly Random _random;
    private readonly double _meanIntervalSeconds;
    private readonly IReadOnlyList<int> _levels;
    private readonly Dictionary<long, Fetch> _open = [];
    private readonly List<Fetch> _retries = [];
    private double _now;
    private long _nextTag = 1;

    /// <summary>Creates the sensors of <paramref name="pairs"/>; <paramref name="deviceKey"/> gives (gateway, sensor) its device key.</summary>
    public PairSensors(
        IReadOnlyList<GatewayPair> pairs,
        Func<ushort, ushort, byte[]> deviceKey,
        string folder,
        IReadOnlyList<int> securityLevels,
        double meanIntervalSeconds,
        int seed,
        double startSeconds,
        RunCounters counters,
        TelemetryTracker telemetry,
        ILog log,
        BusFactory buses)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(deviceKey);
        ArgumentNullException.ThrowIfNull(buses);
        _counters = counters ?? throw new ArgumentNullException(nameof(counters));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _levels = [.. securityLevels.Where(l => l > 0).DefaultIfEmpty(1)];
        _meanIntervalSeconds = meanIntervalSeconds;
        _random = new Random(seed);
        _now = startSeconds;
        var crypto = new HostCryptoPrimitives();
        _codec = new TelemetryCodec(crypto);
        _bus = buses("gatewayqkd-pair-sensors", OnMessage);
        foreach (var pair in pairs)
        {
            SensorClient Client(ushort gateway) => new(
                SensorId, gateway, deviceKey(gateway, SensorId), crypto, new FileKeyStorage(Path.Combine(folder, $"pair-{pair}-gn-{gateway}")), 256, _bus,
                new EmulatedSensor(gateway, SensorId, _random.NextDouble, telemetry, startSeconds), SensorField.MaxReadingBytes, SensorField.PendingCapacity);
            var ends = new PairEnds(pair, Client(pair.Lower), Client(pair.Higher), startSeconds + NextGap());
            ends.Initiator.KeyDelivered += (range, key) => Raise(ends.Pair, ends.Pair.Lower, range, key);
            ends.Follower.KeyDelivered += (range, key) =>
            {
                Raise(ends.Pair, ends.Pair.Higher, range, key);
                ends.LastFetched = (range, (byte[])key.Clone());
            };
            _pairs.Add(ends);
        }
    }

    /// <summary>Raised (under the lock) for every pair key either end receives, before it is used.</summary>
    public event EventHandler<PairKeyEventArgs>? KeyReceived;

    /// <summary>Gets the MQTT reconnections of the pair sensors' connection.</summary>
    public long Reconnects => _bus.Statistics.Reconnects;

    /// <summary>Connects and subscribes to both ends' response topics and the initiators' telemetry topics.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _bus.ConnectAsync(cancellationToken).ConfigureAwait(false);
        foreach (var ends in _pairs)
        {
            _bus.Subscribe(ends.Initiator.ResponseTopic);
            _bus.Subscribe(ends.Follower.ResponseTopic);
            _bus.Subscribe(ends.Initiator.TelemetryTopic);
        }

        await _bus.FlushAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
    }

    /// <summary>Sends the shared-key requests whose arrival time has come and the fetches due again, by <paramref name="emulatedSeconds"/>.</summary>
    public void Tick(double emulatedSeconds, bool requestsActive = true)
    {
        lock (_sync)
        {
            _now = emulatedSeconds;
            foreach (var ends in _pairs)
            {
                while (requestsActive && ends.NextArrivalSeconds <= emulatedSeconds)
                {
                    ends.Initiator.RequestKey(ends.Pair.Higher, _levels[_random.Next(_levels.Count)], 0);
                    _counters.Add(RunCounter.RequestsSent);
                    ends.NextArrivalSeconds += NextGap();
                }
            }

            var due = _retries.Where(f => f.DueSeconds <= emulatedSeconds).ToList();
            _retries.RemoveAll(due.Contains);
            foreach (var fetch in due)
            {
                Send(fetch);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _bus.DisposeAsync().ConfigureAwait(false);

    private void OnMessage(string topic, byte[] payload)
    {
        var address = Topics.Parse(topic);
        lock (_sync)
        {
            foreach (var ends in _pairs)
            {
                if (address is { Kind: TopicKind.Telemetry } && address.GatewayId == ends.Pair.Lower && address.SensorId == SensorId)
                {
                    OnInitiatorMessage(ends, payload);
                }
                else if (address is { Kind: TopicKind.Response, SensorId: SensorId } && address.GatewayId == ends.Pair.Lower)
                {
                    OnInitiatorAnswer(ends, topic, payload);
                }
                else if (address is { Kind: TopicKind.Response, SensorId: SensorId } && address.GatewayId == ends.Pair.Higher)
                {
                    OnFetchAnswer(ends, topic, payload);
                }
            }
        }
    }

    // A key served to the first sensor: the client has sealed a reading under it and published it.
    private void OnInitiatorAnswer(PairEnds ends, string topic, byte[] payload)
    {
        var outcome = ends.Initiator.HandleMessage(topic, payload);
        if (outcome.Kind == SensorOutcomeKind.Served)
        {
            _counters.Add(RunCounter.RequestsServed);
            _counters.Add(RunCounter.KeyBitsIssued, outcome.Range.Length * 8L);
            _counters.Add(RunCounter.TelemetrySent);
        }
        else if (outcome.Kind == SensorOutcomeKind.Refused)
        {
            _counters.Add(RunCounter.RequestsRefused);
        }
    }

    // The second sensor reads the first one's message: the key id in its header names the key to fetch.
    private void OnInitiatorMessage(PairEnds ends, byte[] frame)
    {
        TelemetryHeader header;
        try
        {
            header = TelemetryCodec.ReadHeader(frame, 0, frame.Length);
        }
        catch (FrameFormatException e)
        {
            _log.Write(LogLevel.Warning, $"Pair {ends.Pair}: unreadable message of the first sensor ({e.Message}).");
            return;
        }

        Send(new Fetch(ends, header.Key, LevelOf(header.Mode), frame, 1, _now));
    }

    private void Send(Fetch fetch)
    {
        var tag = _nextTag++;
        _open[tag] = fetch;
        fetch.Ends.Follower.FetchSharedKey(fetch.Ends.Pair.Lower, SensorId, fetch.Range, fetch.Level, tag);
    }

    private void OnFetchAnswer(PairEnds ends, string topic, byte[] payload)
    {
        ends.LastFetched = null;
        var outcome = ends.Follower.HandleMessage(topic, payload);
        if (!_open.Remove(outcome.Tag, out var fetch) || outcome.Kind is not (SensorOutcomeKind.Fetched or SensorOutcomeKind.Refused))
        {
            return;
        }

        if (outcome.Kind == SensorOutcomeKind.Refused)
        {
            if (fetch.Attempt >= FetchAttempts)
            {
                _counters.Add(RunCounter.PairKeysMissed);
                _log.Write(LogLevel.Warning, $"Pair {ends.Pair}: key {fetch.Range} could not be fetched at gateway {ends.Pair.Higher} in {FetchAttempts} attempts.");
                return;
            }

            _retries.Add(fetch with { Attempt = fetch.Attempt + 1, DueSeconds = _now + FetchRetrySeconds });
            return;
        }

        var (_, key) = ends.LastFetched!.Value;
        var opened = _codec.Open(fetch.Frame, 0, fetch.Frame.Length, key);
        Array.Clear(key);
        if (opened.IsOk)
        {
            _counters.Add(RunCounter.PairKeysAgreed);
        }
        else
        {
            _counters.Add(RunCounter.PairKeyMismatches);
            _log.Write(LogLevel.Error, $"Pair {ends.Pair}: the key gateway {ends.Pair.Higher} served for {fetch.Range} does not open the first sensor's message ({opened.Message}).");
        }
    }

    private void Raise(GatewayPair pair, ushort gateway, KeyRange range, byte[] key) =>
        KeyReceived?.Invoke(this, new PairKeyEventArgs(pair, gateway, range, (byte[])key.Clone()));

    // The lowest K_sec whose telemetry mode is the message's (the fetch names a level; the key's size is in its id).
    private int LevelOf(TelemetryMode mode) => _levels.FirstOrDefault(l => TelemetryModes.ForLevel(l) == mode, _levels[0]);

    private double NextGap() => -Math.Log(1 - _random.NextDouble()) * _meanIntervalSeconds;

    private sealed class PairEnds(GatewayPair pair, SensorClient initiator, SensorClient follower, double firstArrival)
    {
        public GatewayPair Pair { get; } = pair;

        public SensorClient Initiator { get; } = initiator;

        public SensorClient Follower { get; } = follower;

        public double NextArrivalSeconds { get; set; } = firstArrival;

        public (KeyRange Range, byte[] Key)? LastFetched { get; set; }
    }

    private sealed record Fetch(PairEnds Ends, KeyRange Range, int Level, byte[] Frame, int Attempt, double DueSeconds);
}
