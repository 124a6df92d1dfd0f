using GatewayQkd.Adapters;
using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Bus;
using GatewayQkd.Emulation.Metrics;

namespace GatewayQkd.Emulation.Sensors;

/// <summary>
/// The emulated sensors of one gateway, sharing one MQTT connection (to keep a 100-gateway run at 2N+1 connections).
/// Each sensor runs the core's <see cref="SensorClient"/>: it sends key requests as a Poisson process (exponential
/// gaps with the scenario's mean, in emulated time) at a K_sec drawn uniformly from the scenario's levels, and when a
/// key arrives encrypts one telemetry reading with it (one-time pad or AES by level, TelemetryModes) and publishes
/// it to the central server. Thread-safe (one lock).
/// </summary>
public sealed class SensorField : IAsyncDisposable
{
    /// <summary>The largest telemetry reading a sensor sends, in bytes (sizes the one-time-pad key requests).</summary>
    public const int MaxReadingBytes = 48;

    /// <summary>Open key requests each emulated sensor keeps before giving up the oldest (<see cref="PendingKeyRequests"/>).</summary>
    public const int PendingCapacity = 256;

    private readonly object _sync = new();
    private readonly ushort _gatewayId;
    private readonly ILog _log;
    private readonly Dictionary<ushort, EmulatedSensor> _sensors = [];
    private readonly IReadOnlyList<int> _levels;
    private readonly double _meanIntervalSeconds;
    private readonly Random _random;
    private readonly RunCounters _counters;
    private readonly LatencyRecorder _requestLatency;
    private readonly IRunBus _bus;
    private readonly TimeProvider _time;

    /// <summary>Creates the sensors <paramref name="deviceKeys"/> (sensor id to device key) of gateway <paramref name="gatewayId"/>, each with its storage under <paramref name="folder"/>.</summary>
    public SensorField(
        ushort gatewayId,
        IReadOnlyDictionary<ushort, byte[]> deviceKeys,
        string folder,
        BrokerEndpoint broker,
        IReadOnlyList<int> securityLevels,
        double meanIntervalSeconds,
        int seed,
        double startSeconds,
        RunCounters counters,
        LatencyRecorder requestLatency,
        TelemetryTracker telemetry,
        ILog log,
        BusFactory? buses = null,
        TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        ArgumentNullException.ThrowIfNull(deviceKeys);
        _gatewayId = gatewayId;
        _levels = securityLevels;
        _meanIntervalSeconds = meanIntervalSeconds;
        _random = new Random(seed);
        _counters = counters;
        _requestLatency = requestLatency;
        _log = log ?? throw new ArgumentNullException(nameof(log));
        var crypto = new HostCryptoPrimitives();
        _bus = buses is null ? new MqttMessageBus(broker, $"gatewayqkd-sensors-gn-{gatewayId}", OnMessage, log) : buses($"gatewayqkd-sensors-gn-{gatewayId}", OnMessage);
        foreach (var (id, key) in deviceKeys.OrderBy(p => p.Key))
        {
            var storage = new FileKeyStorage(Path.Combine(folder, $"sensor-{id}"));
            var sensor = new EmulatedSensor(gatewayId, id, _random.NextDouble, telemetry, startSeconds + NextGap());
            sensor.Client = new SensorClient(id, gatewayId, key, crypto, storage, 256, _bus, sensor, MaxReadingBytes, PendingCapacity);
            sensor.Client.KeyDelivered += (range, bytes) => KeyReceived?.Invoke(this, new KeyReceivedEventArgs(_gatewayId, sensor.Client.SensorId, range, bytes));
            _sensors[id] = sensor;
        }
    }

    /// <summary>
    /// Raised (under the field's lock) for every key a sensor receives, before it is used.
    /// The run records it in its <see cref="KeyIssueLog"/>; tests compare the bytes with the central key store.
    /// </summary>
    public event EventHandler<KeyReceivedEventArgs>? KeyReceived;

    /// <summary>Raised (under the field's lock) for every key request sent: gateway, sensor, request id, K_sec.</summary>
    public event Action<ushort, ushort, uint, int>? RequestSent;

    /// <summary>Raised (under the field's lock) for every answer to a request: gateway, sensor, request id, waiting/served/refused.</summary>
    public event Action<ushort, ushort, uint, SensorOutcomeKind>? RequestAnswered;

    /// <summary>Gets the MQTT reconnections of the sensors' connection.</summary>
    public long Reconnects => _bus.Statistics.Reconnects;

    /// <summary>Connects and subscribes to the sensors' response topics.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _bus.ConnectAsync(cancellationToken).ConfigureAwait(false);
        foreach (var sensor in _sensors.Values)
        {
            _bus.Subscribe(sensor.Client.ResponseTopic);
        }

        await _bus.FlushOrLogAsync(TimeSpan.FromSeconds(10), _log, LogLevel.Error, $"sensors of gateway {_gatewayId} starting (key responses may be missed)").ConfigureAwait(false);
    }

    /// <summary>Sends every key request whose Poisson arrival time has come by <paramref name="emulatedSeconds"/>.</summary>
    public void Tick(double emulatedSeconds)
    {
        lock (_sync)
        {
            foreach (var sensor in _sensors.Values)
            {
                while (sensor.NextArrivalSeconds <= emulatedSeconds)
                {
                    var level = _levels[_random.Next(_levels.Count)];
                    var requestId = sensor.Client.RequestKey(level, _time.GetTimestamp());
                    RequestSent?.Invoke(_gatewayId, sensor.Client.SensorId, requestId, level);
                    _counters.Add(RunCounter.RequestsSent);
                    sensor.NextArrivalSeconds += NextGap();
                }
            }
        }
    }

    /// <summary>
    /// Draws every sensor's next request anew from <paramref name="emulatedSeconds"/> (a Poisson process is memoryless),
    /// for sensors that were held: without it the arrivals that fell due while they were held would all go out at once.
    /// </summary>
    public void Restart(double emulatedSeconds)
    {
        lock (_sync)
        {
            foreach (var sensor in _sensors.Values)
            {
                sensor.NextArrivalSeconds = emulatedSeconds + NextGap();
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _bus.FlushOrLogAsync(TimeSpan.FromSeconds(2), _log, LogLevel.Warning, $"sensors of gateway {_gatewayId} stopping (requests still queued are lost)").ConfigureAwait(false);
        await _bus.DisposeAsync().ConfigureAwait(false);
    }

    private void OnMessage(string topic, byte[] payload)
    {
        var address = Topics.Parse(topic);
        lock (_sync)
        {
            if (address is not { Kind: TopicKind.Response } || address.GatewayId != _gatewayId || !_sensors.TryGetValue(address.SensorId, out var sensor))
            {
                return;
            }

            var outcome = sensor.Client.HandleMessage(topic, payload);
            if (outcome.Kind is SensorOutcomeKind.Waiting or SensorOutcomeKind.Served or SensorOutcomeKind.Refused)
            {
                RequestAnswered?.Invoke(_gatewayId, address.SensorId, outcome.RequestId, outcome.Kind);
            }

            switch (outcome.Kind)
            {
                case SensorOutcomeKind.Waiting:
                    _counters.Add(RunCounter.RequestsWaiting);
                    return; // the gateway answers again when it serves the request
                case SensorOutcomeKind.Served:
                    _requestLatency.Record(_time.GetElapsedTime(outcome.Tag).TotalMilliseconds);
                    _counters.Add(RunCounter.RequestsServed);
                    _counters.Add(RunCounter.KeyBitsIssued, outcome.Range.Length * 8L);
                    _counters.Add(RunCounter.TelemetrySent);
                    return;
                case SensorOutcomeKind.Refused:
                    _counters.Add(RunCounter.RequestsRefused);
                    return;
                default:
                    return; // a refused frame (forged, replayed, malformed) or an answer to a request this run did not send
            }
        }
    }

    private double NextGap() => -Math.Log(1.0 - _random.NextDouble()) * _meanIntervalSeconds; // exponential inter-arrival (Poisson process)
}
