using System.Globalization;
using System.Text;
using GatewayQkd.Adapters;
using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;
using GatewayQkd.Core.Scheduling;
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

    private readonly object _sync = new();
    private readonly ushort _gatewayId;
    private readonly Dictionary<ushort, EmulatedSensor> _sensors = [];
    private readonly IReadOnlyList<int> _levels;
    private readonly double _meanIntervalSeconds;
    private readonly Random _random;
    private readonly RunCounters _counters;
    private readonly LatencyRecorder _requestLatency;
    private readonly TelemetryTracker _telemetry;
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
        _telemetry = telemetry;
        var crypto = new HostCryptoPrimitives();
        foreach (var (id, key) in deviceKeys.OrderBy(p => p.Key))
        {
            var storage = new FileKeyStorage(Path.Combine(folder, $"sensor-{id}"));
            _sensors[id] = new EmulatedSensor(new SensorClient(id, gatewayId, key, crypto, storage, 256), startSeconds + NextGap());
        }

        _bus = buses is null ? new MqttMessageBus(broker, $"gatewayqkd-sensors-gn-{gatewayId}", OnMessage, log) : buses($"gatewayqkd-sensors-gn-{gatewayId}", OnMessage);
    }

    /// <summary>
    /// Raised (under the field's lock) for every key a sensor receives, before it is used: gateway, key id, key bytes.
    /// The run records it in its <see cref="KeyIssueLog"/>; tests compare the bytes with the central key store.
    /// </summary>
    public event Action<ushort, Core.Pool.KeyRange, byte[]>? KeyReceived;

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

        await _bus.FlushAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
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
                    var requestId = sensor.NextRequestId++;
                    var bits = level == SecurityLevel.Plaintext ? 0 : TelemetryModes.RequiredKeyBits(level, MaxReadingBytes);
                    sensor.Pending[requestId] = new PendingRequest(level, _time.GetTimestamp());
                    _bus.Publish(sensor.Client.RequestTopic, sensor.Client.BuildKeyRequest(requestId, CentralServerPeer, level, bits));
                    _counters.Add(RunCounter.RequestsSent);
                    sensor.NextArrivalSeconds += NextGap();
                }
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _bus.FlushAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        await _bus.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Key requests go to the central server's stream (peer 0): the telemetry is for the central server.</summary>
    private const ushort CentralServerPeer = 0;

    private void OnMessage(string topic, byte[] payload)
    {
        var address = Topics.Parse(topic);
        lock (_sync)
        {
            if (address is not { Kind: TopicKind.Response } || address.GatewayId != _gatewayId || !_sensors.TryGetValue(address.SensorId, out var sensor))
            {
                return;
            }

            var result = sensor.Client.OpenKeyResponse(payload);
            if (result.Status != FrameStatus.Ok || !sensor.Pending.TryGetValue(result.Response.RequestId, out var pending))
            {
                return; // a refused frame (forged, replayed, malformed) or an answer to a request this run did not send
            }

            switch (result.Response.Status)
            {
                case KeyResponseStatus.Waiting:
                    _counters.Add(RunCounter.RequestsWaiting);
                    return; // the gateway answers again when it serves the request
                case KeyResponseStatus.Ok when result.HasKey:
                    sensor.Pending.Remove(result.Response.RequestId);
                    _requestLatency.Record(_time.GetElapsedTime(pending.SentTicks).TotalMilliseconds);
                    _counters.Add(RunCounter.RequestsServed);
                    _counters.Add(RunCounter.KeyBitsIssued, result.Range.Length * 8L);
                    KeyReceived?.Invoke(_gatewayId, result.Range, result.Key);
                    SendReading(sensor, result.Range, result.Key, pending.SecurityLevel);
                    return;
                default:
                    sensor.Pending.Remove(result.Response.RequestId);
                    _counters.Add(RunCounter.RequestsRefused);
                    return;
            }
        }
    }

    private void SendReading(EmulatedSensor sensor, Core.Pool.KeyRange range, byte[] key, int level)
    {
        var reading = Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"gn={_gatewayId};s={sensor.Client.SensorId};n={++sensor.Readings};t={20 + (_random.NextDouble() * 5):0.00}C"));
        _telemetry.Sent(_gatewayId, range, reading);
        _bus.Publish(sensor.Client.TelemetryTopic, sensor.Client.BuildTelemetry(range, key, level, reading));
        _counters.Add(RunCounter.TelemetrySent);
    }

    private double NextGap() => -Math.Log(1.0 - _random.NextDouble()) * _meanIntervalSeconds; // exponential inter-arrival (Poisson process)
}
