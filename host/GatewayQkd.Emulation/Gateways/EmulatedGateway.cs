using GatewayQkd.Adapters;
using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Bus;
using GatewayQkd.Emulation.Timing;

namespace GatewayQkd.Emulation.Gateways;

/// <summary>
/// One emulated ground-node gateway: the firmware core's <see cref="GatewayService"/> (the code that ships to the
/// board) on host adapters: <see cref="FileKeyStorage"/> in the gateway's own folder, <see cref="HostCryptoPrimitives"/>,
/// the run's clock and an MQTTnet bus. <see cref="KillAsync"/> drops it like a power cut (no flush, no goodbye);
/// <see cref="StartAsync"/> boots it again from its folder. Thread-safe: inbound messages and ticks take one lock, as
/// the device's MQTT callback and timer do.
/// </summary>
public sealed class EmulatedGateway : IAsyncDisposable
{
    private readonly object _sync = new();
    private readonly GatewayConfig _config;
    private readonly string _folder;
    private readonly BrokerEndpoint _broker;
    private readonly IClock _clock;
    private readonly ILog _log;
    private GatewayService? _service;
    private readonly BusFactory? _buses;
    private IRunBus? _bus;
    private long _previousReconnects;

    /// <summary>
    /// Creates the gateway (not started) with its configuration and storage folder; its own clock runs
    /// <paramref name="clockOffsetMilliseconds"/> ahead of the run's <paramref name="clock"/> (a board booted that much
    /// earlier: its slots end that much earlier, <see cref="SlotPhases"/>).
    /// </summary>
    public EmulatedGateway(GatewayConfig config, string folder, BrokerEndpoint broker, IClock clock, ILog log, BusFactory? buses = null, long clockOffsetMilliseconds = 0)
    {
        _buses = buses;
        _config = config ?? throw new ArgumentNullException(nameof(config));
        _folder = folder;
        _broker = broker;
        _clock = clockOffsetMilliseconds == 0 ? clock : new OffsetClock(clock, clockOffsetMilliseconds);
        ClockOffsetMilliseconds = clockOffsetMilliseconds;
        _log = log;
    }

    /// <summary>Gets how far this gateway's clock runs ahead of the run's.</summary>
    public long ClockOffsetMilliseconds { get; }

    /// <summary>Gets the gateway id.</summary>
    public ushort Id => _config.GatewayId;

    /// <summary>Gets the storage folder (the board's I:\ drive).</summary>
    public string Folder => _folder;

    /// <summary>Gets the status LED.</summary>
    public HostIndicator Indicator { get; } = new();

    /// <summary>Gets a value indicating whether the gateway is running.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_sync)
            {
                return _service is not null;
            }
        }
    }

    /// <summary>Gets why the frames this gateway refused as replays were refused: redelivered duplicates or stale frames.</summary>
    public ReplayAudit Replays { get; } = new();

    /// <summary>Gets the MQTT reconnections of this gateway's clients so far (over restarts).</summary>
    public long Reconnects => _previousReconnects + (_bus?.Statistics.Reconnects ?? 0);

    /// <summary>Boots the gateway: recovers the pool from its folder, connects, subscribes and publishes a first status.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var bus = _buses is null ? new MqttMessageBus(_broker, $"gatewayqkd-gn-{Id}", OnMessage, _log) : _buses($"gatewayqkd-gn-{Id}", OnMessage);
        try
        {
            await bus.ConnectAsync(cancellationToken).ConfigureAwait(false);
            lock (_sync)
            {
                // Recovery of the pool and the replay state happens here; a corrupt folder throws naming the file.
                var service = new GatewayService(_config, new FileKeyStorage(_folder), new HostCryptoPrimitives(), new CryptoRandomSource(), _clock, bus, Indicator, _log);
                _bus = bus;
                _service = service;
                service.Start();
            }
        }
        catch
        {
            await bus.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Advances the gateway to the run's time <paramref name="nowMilliseconds"/> (its own clock reads that plus its offset): serves ended slots in DDKA order, sends supplements and status.</summary>
    public void Tick(long nowMilliseconds)
    {
        lock (_sync)
        {
            _service?.Tick(nowMilliseconds + ClockOffsetMilliseconds); // the run's time on this gateway's own clock
        }
    }

    /// <summary>Gets the key bits in the gateway's pool now (0 when stopped); cheaper than <see cref="Read"/>, which copies the counters.</summary>
    public long AvailableBits
    {
        get
        {
            lock (_sync)
            {
                return _service?.Pool.TotalAvailableBits ?? 0;
            }
        }
    }

    /// <summary>Reads the gateway's state: pool level (bits), queue length, and a copy of its counters; null when stopped.</summary>
    public GatewayState? Read()
    {
        lock (_sync)
        {
            return _service is null ? null : new GatewayState(_service.Pool.TotalAvailableBits, _service.QueueLength, _service.Counters.Snapshot());
        }
    }

    /// <summary>
    /// Feeds one message to the service as the MQTT callback would (tests inject bad input here too); null when the
    /// gateway is stopped: nothing judged the frame, so no frame status applies (a stopped board hears nothing either).
    /// </summary>
    public FrameStatus? Deliver(string topic, byte[] payload)
    {
        lock (_sync)
        {
            if (_service is null)
            {
                return null;
            }

            var status = _service.HandleMessage(topic, payload);
            Replays.Record(payload, status);
            return status;
        }
    }

    /// <summary>Stops the gateway abruptly, as a power cut would: in-memory state and unsent messages are lost; storage stays.</summary>
    public async Task KillAsync()
    {
        IRunBus? bus;
        lock (_sync)
        {
            _service = null;
            bus = _bus;
            _bus = null;
        }

        if (bus is not null)
        {
            _previousReconnects += bus.Statistics.Reconnects;
            await bus.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        IRunBus? bus;
        lock (_sync)
        {
            bus = _bus;
        }

        if (bus is not null)
        {
            await bus.FlushOrLogAsync(TimeSpan.FromSeconds(2), _log, LogLevel.Warning, $"gateway {Id} stopping (messages still queued are lost)").ConfigureAwait(false);
        }

        await KillAsync().ConfigureAwait(false);
    }

    private void OnMessage(string topic, byte[] payload) => Deliver(topic, payload);
}
