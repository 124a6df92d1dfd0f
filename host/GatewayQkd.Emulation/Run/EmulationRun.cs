using GatewayQkd.Adapters;
using GatewayQkd.Core.Gateway;
using GatewayQkd.Core.Ports;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Bus;
using GatewayQkd.Emulation.CentralServer;
using GatewayQkd.Emulation.Gateways;
using GatewayQkd.Emulation.Hap;
using GatewayQkd.Emulation.Keys;
using GatewayQkd.Emulation.Links;
using GatewayQkd.Emulation.Logging;
using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Emulation.Options;
using GatewayQkd.Emulation.Report;
using GatewayQkd.Emulation.Sensors;
using GatewayQkd.Emulation.Timing;
using GatewayQkd.Kms.Cluster;
using GatewayQkd.Kms.Store;

namespace GatewayQkd.Emulation.Run;

/// <summary>
/// One emulation run (docs/emulation.md s1): the broker (embedded or external), the central server with its durable
/// key store, the HAP, N emulated gateways running the firmware core and M sensors per gateway, all on one emulated
/// clock. <see cref="RunAsync"/> ticks everything until the duration passes or the token is cancelled (Ctrl+C), then
/// drains in-flight messages and returns the report. Durable state lives in the data folder, so a second run on the
/// same folder resumes: gateways recover their pools, the central server pushes unacknowledged blocks again, and no
/// key is issued twice.
/// </summary>
public sealed partial class EmulationRun : IAsyncDisposable
{
    /// <summary>Wall-clock time between two ticks of the run loop.</summary>
    public static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>How long a pushed block may stay unacknowledged (wall clock) before it is pushed again.</summary>
    public static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(2);

    /// <summary>How long the first connection to the broker may take before the run gives up naming the address.</summary>
    public static readonly TimeSpan BrokerConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long every gateway and sensor may take to connect once the central server is connected.</summary>
    public static readonly TimeSpan ClientsStartTimeout = TimeSpan.FromSeconds(30);

    private readonly List<EmulatedGateway> _gateways = [];
    private readonly Dictionary<ushort, BoardTwinProcess> _twins = [];
    private readonly List<SensorField> _sensors = [];
    private PairSensors? _pairSensors;
    private readonly IRandomSource _random = new CryptoRandomSource();
    private readonly InProcessBroker? _inProcess;
    private EmbeddedBroker? _embedded;
    private CentralKeyStore? _store;
    private IRunBus? _serverBus;
    private Verifier.TelemetryBatcher? _telemetryBatcher;
    private UpstreamQueue? _upstream;
    private TimeSpan _outboxBackedUpAt = TimeSpan.MinValue / 2; // when the central server's outbox last held more than a window's worth (never yet)
    private CentralServerNode? _server;
    private readonly List<CentralServerWorker> _workers = [];
    private IKeyStreams? _streams;
    private HapEmulator? _hap;
    private RunSampler? _sampler;
    private EmulationKms? _kms;
    private RunSecrets? _secrets;
    private IssuedKeyLedger? _ledger;
    private readonly Dictionary<ushort, long> _lostAtStart = [];
    private readonly List<IRunBus> _allBuses = [];
    private bool _sensorsHeld;

    private EmulationRun(EmulationOptions options, IGatewayLinkRates rates, TextWriter? logFile)
    {
        Options = options;
        Rates = rates;
        Clock = new EmulationClock(options.Speed, options.VirtualTime);
        Log = options.VirtualTime
            ? new RunLog(logFile, 8, () => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"t={Clock.WallElapsed.TotalSeconds,8:0.000}"))
            : new RunLog(logFile);
        Telemetry = new TelemetryTracker(Clock.Time);
        Requests = new RequestLedger(() => Clock.EmulatedSeconds);
        _inProcess = options.VirtualTime ? new InProcessBroker() : null;
    }

    /// <summary>Gets the run's options.</summary>
    public EmulationOptions Options { get; }

    /// <summary>Gets the key rate source.</summary>
    public IGatewayLinkRates Rates { get; }

    /// <summary>Gets the run's log.</summary>
    public RunLog Log { get; }

    /// <summary>Gets the run's number in its data folder's history (1 = a new deployment; see <see cref="RunHistory"/>).</summary>
    public int RunNumber { get; private set; } = 1;

    /// <summary>Gets the state the run found in its data folder (set once started).</summary>
    public RunStart Start { get; private set; } = new(1, 0, 0, 0, 0);

    /// <summary>Gets the folder this run's report belongs in: the output folder, or output folder/run-N when it resumes.</summary>
    public string ReportFolder => RunHistory.ReportFolder(Options, RunNumber);

    /// <summary>Gets the emulated clock.</summary>
    public EmulationClock Clock { get; }

    /// <summary>Gets the run's counters.</summary>
    public RunCounters Counters { get; } = new();

    /// <summary>Gets the request-to-key latencies.</summary>
    public LatencyRecorder RequestLatency { get; } = new();

    /// <summary>Gets the telemetry pairing of sent and verified messages.</summary>
    public TelemetryTracker Telemetry { get; }

    /// <summary>Gets every sensor key request with its K_sec and emulated times (the scenario report's by-K_sec view).</summary>
    public RequestLedger Requests { get; }

        /// <summary>Gets every key range sensors received, checked for overlaps (a key issued twice), earlier runs' included.</summary>
    public KeyIssueLog IssuedKeys { get; } = new();

    /// <summary>Gets the deployment's durable list of issued keys, every run's (set once started).</summary>
    public IssuedKeyLedger Ledger => _ledger!;

    /// <summary>Raised for every key a sensor receives, before it is used (tests).</summary>
    public event EventHandler<KeyReceivedEventArgs>? KeyReceived;

    /// <summary>Raised for every gateway-to-gateway key either end of a pair receives, before it is used (tests).</summary>
    public event EventHandler<PairKeyEventArgs>? PairKeyReceived;

    /// <summary>Gets the broker endpoint every client uses.</summary>
    public BrokerEndpoint BrokerEndpoint { get; private set; } = null!;

    /// <summary>Gets the embedded broker, or null with an external one.</summary>
    public EmbeddedBroker? EmbeddedBroker => _embedded;

    /// <summary>Gets the central key store.</summary>
    public CentralKeyStore Store => _store!;

    /// <summary>Gets the ETSI GS QKD 014 KMS serving <see cref="Store"/>, or null when the options enable none.</summary>
    public EmulationKms? Kms => _kms;

    /// <summary>Gets the central server (with several workers: the first worker's).</summary>
    public CentralServerNode CentralServer => _server ?? _workers[0].Node;

    /// <summary>Gets the central server's key streams as the HAP sees them (with several workers: routed to each gateway's owner).</summary>
    public IKeyStreams KeyStreams => _streams!;

    /// <summary>Gets the central-server workers sharing the gateways (empty with one central server, the default).</summary>
    public IReadOnlyList<CentralServerWorker> Workers => _workers;

    /// <summary>Gets the HAP.</summary>
    public IHap Hap => _hap!;

    /// <summary>Gets the emulated gateways.</summary>
    public IReadOnlyList<EmulatedGateway> Gateways => _gateways;

    /// <summary>Gets the last sample taken (null before the first).</summary>
    public RunSnapshot? LatestSample => _sampler?.Latest;

    /// <summary>Starts every part of the run; the caller then calls <see cref="RunAsync"/>.</summary>
    public static async Task<EmulationRun> StartAsync(EmulationOptions options, IGatewayLinkRates rates, TextWriter? logFile = null, CancellationToken cancellationToken = default)
    {
        EmulationOptionsValidator.ThrowIfInvalid(options);
        ArgumentNullException.ThrowIfNull(rates);
        var run = new EmulationRun(options, rates, logFile);
        try
        {
            await run.StartPartsAsync(cancellationToken).ConfigureAwait(false);
            return run;
        }
        catch
        {
            await run.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Returns the emulated gateway with this id.</summary>
    public EmulatedGateway Gateway(ushort id) => _gateways.First(g => g.Id == id);

    /// <summary>
    /// Runs until the options' duration passes or <paramref name="cancellationToken"/> fires (a graceful stop: the
    /// report still comes), then drains in-flight messages and returns the report. <paramref name="sampled"/> gets
    /// each sample (the live view).
    /// </summary>
    public async Task<EmulationReport> RunAsync(Action<RunSnapshot>? sampled = null, CancellationToken cancellationToken = default)
    {
        if (_inProcess is not null)
        {
            return await RunVirtualAsync(_inProcess, sampled, cancellationToken).ConfigureAwait(false);
        }

        var hap = HapLoop.Start(StepHap, TickInterval);
        string endReason;
        try
        {
            endReason = await Task.Factory.StartNew(() => Loop(sampled, cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
            await DrainAsync().ConfigureAwait(false);
        }
        finally
        {
            await hap.DisposeAsync().ConfigureAwait(false);
        }

        var last = TakeSample();
        sampled?.Invoke(last);
        return BuildReport(endReason);
    }

    /// <summary>Gets how late the run loop woke for each tick, wall-clock ms after the wake-up it asked for.</summary>
    public LatencyRecorder TickLateness { get; } = new();

    // The real-time run loop, on a thread of its own: it used to await Task.Delay, so every tick's continuation
    // queued on the thread pool behind the MQTT clients' work items (hundreds queued under load), and a slot was
    // served that much later. Same load (100 gateways, 500 requests/s, load average 29-32, two runs each): tick
    // lateness p50 0.1 ms and p99 24-28 ms on its own thread against 0.8-1.8 and 44-49 ms on the pool.
    private string Loop(Action<RunSnapshot>? sampled, CancellationToken cancellationToken)
    {
        var end = Clock.WallElapsed + Options.Duration; // the duration counts from here, after start-up
        var nextSample = TimeSpan.Zero;
        var slotMilliseconds = GatewayConfigFactory.SlotMilliseconds(Options);
        while (Clock.WallElapsed < end)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return "cancelled";
            }

            Tick(sensorsActive: true);
            if (Clock.WallElapsed >= nextSample)
            {
                sampled?.Invoke(TakeSample());
                nextSample = Clock.WallElapsed + TimeSpan.FromSeconds(Options.SampleIntervalSeconds);
            }

            var wait = TickSchedule.NextWait(Clock.EmulatedSeconds * 1000, slotMilliseconds, Clock.Speed, TickInterval, Options.SlotPhases);
            var planned = Clock.WallElapsed + wait;
            if (cancellationToken.WaitHandle.WaitOne(wait))
            {
                return "cancelled";
            }

            TickLateness.Record(Math.Max(0, (Clock.WallElapsed - planned).TotalMilliseconds)); // a wait may end a little early
        }

        return EmulationReport.DurationReached;
    }

    /// <summary>
    /// Gets or sets whether the emulated sensors are held (send no key requests; benchmarks hold them until the pools
    /// are filled). Releasing them draws each sensor's next request from now (<see cref="SensorField.Restart"/>), so the
    /// held time leaves no burst. Set it before <see cref="RunAsync"/> or from its sample callback (the run loop's thread).
    /// </summary>
    public bool SensorsHeld
    {
        get => _sensorsHeld;
        set
        {
            if (_sensorsHeld && !value)
            {
                foreach (var sensors in _sensors)
                {
                    sensors.Restart(Clock.EmulatedSeconds);
                }
            }

            _sensorsHeld = value;
        }
    }

    /// <summary>
    /// Advances the gateways (and the sensors when active) to the clock's now once: the run loop's body. The HAP runs
    /// in its own loop (<see cref="StepHap"/>), so the central store's durable writes never hold up the gateways.
    /// </summary>
    public void Tick(bool sensorsActive)
    {
        var now = Clock.EmulatedSeconds;
        var ms = Clock.NowMilliseconds;
        foreach (var gateway in _gateways)
        {
            gateway.Tick(ms);
        }

        if (sensorsActive && !_sensorsHeld)
        {
            foreach (var field in _sensors)
            {
                field.Tick(now);
            }
        }

        _pairSensors?.Tick(now, sensorsActive); // fetches still go out while draining
    }

    /// <summary>
    /// Advances the HAP to the clock's now (key generation and block pushes) and pushes overdue blocks again, unless
    /// the central server's own outbox or its upstream queue was backed up within the last <see cref="ResendAfter"/>.
    /// </summary>
    public void StepHap()
    {
        _hap!.Step(Clock.EmulatedSeconds);
        if ((_serverBus?.Pending ?? 0) > MqttMessageBus.MaxInFlight || (_upstream?.Pending ?? 0) > MqttMessageBus.MaxInFlight)
        {
            _outboxBackedUpAt = Clock.WallElapsed;
        }

        // A block waiting in the central server's outbox has not left yet, so its resend timer measures that queue,
        // not a loss: at 1,000 gateways the 8,000 blocks of the fill queued for more than ResendAfter, every one was
        // pushed again (and again, with the backoff), the outbox held 21,000 messages and no telemetry got through
        // (bench capacity, 2026-12-01). The same holds for acknowledgements waiting in the central server's upstream
        // queue. Resends wait until both have kept up for ResendAfter; a block really lost
        // (a broker or gateway restart) is still pushed again then, since the timers keep running.
        if (Clock.WallElapsed - _outboxBackedUpAt >= ResendAfter)
        {
            _streams!.ResendOverdue(ResendAfter);
        }
    }

    /// <summary>Gets the messages the broker acknowledged from every client of this run so far (over restarts; board twins excluded).</summary>
    public long MessagesPublished
    {
        get
        {
            lock (_allBuses)
            {
                return _allBuses.Sum(b => b.Statistics.Published);
            }
        }
    }

    /// <summary>Gets the messages the broker acknowledged from every client of this run so far on topics of <paramref name="kind"/> (over restarts; board twins excluded).</summary>
    public long MessagesPublishedOf(Core.Protocol.TopicKind kind)
    {
        lock (_allBuses)
        {
            return _allBuses.Sum(b => b.Statistics.PublishedOf(kind));
        }
    }

    /// <summary>Gets the messages of this run's clients the broker delivered to no subscriber (<see cref="BusStatistics.Unrouted"/>) so far.</summary>
    public long MessagesUnrouted
    {
        get
        {
            lock (_allBuses)
            {
                return _allBuses.Sum(b => b.Statistics.Unrouted);
            }
        }
    }

    /// <summary>Gets the board twin processes by gateway id.</summary>
    public IReadOnlyDictionary<ushort, BoardTwinProcess> BoardTwins => _twins;

    /// <summary>Kills an emulated gateway or a board twin abruptly (power cut).</summary>
    public async Task KillGatewayAsync(ushort id)
    {
        if (_twins.TryGetValue(id, out var twin))
        {
            await twin.KillAsync().ConfigureAwait(false);
        }
        else
        {
            await Gateway(id).KillAsync().ConfigureAwait(false);
        }

        Log.Write(LogLevel.Warning, $"Gateway {id} killed.");
    }

    /// <summary>Kills central-server worker <paramref name="index"/> as a crash would: its leases lapse and the others take its gateways.</summary>
    public async Task KillWorkerAsync(int index)
    {
        await _workers[index].KillAsync().ConfigureAwait(false);
    }

    /// <summary>Boots a killed gateway (or board twin) again from its storage folder.</summary>
    public async Task RestartGatewayAsync(ushort id, CancellationToken cancellationToken = default)
    {
        if (_twins.TryGetValue(id, out var twin))
        {
            await twin.DisposeAsync().ConfigureAwait(false);
            await StartTwinAsync(id, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await Gateway(id).StartAsync(cancellationToken).ConfigureAwait(false);
        }

        Counters.Add(RunCounter.GatewayRestarts);
        Log.Write(LogLevel.Info, $"Gateway {id} restarted from its storage.");
    }

    /// <summary>Returns the folder that plays board twin <paramref name="id"/>'s I:\ drive (settings file and key store).</summary>
    public string BoardTwinDrive(ushort id) => Path.Combine(Options.DataFolder, $"gn-{id}-board-twin");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var field in _sensors)
        {
            await field.DisposeAsync().ConfigureAwait(false);
        }

        if (_pairSensors is not null)
        {
            await _pairSensors.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var gateway in _gateways)
        {
            await gateway.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var twin in _twins.Values)
        {
            await twin.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var worker in _workers)
        {
            await worker.DisposeAsync().ConfigureAwait(false);
        }

        if (_serverBus is not null)
        {
            await _serverBus.FlushOrLogAsync(TimeSpan.FromSeconds(2), Log, LogLevel.Warning, "central server stopping (messages still queued are lost)").ConfigureAwait(false);
            await _serverBus.DisposeAsync().ConfigureAwait(false);
        }

        if (_upstream is not null)
        {
            await _upstream.DisposeAsync().ConfigureAwait(false); // handles what the closed bus queued, before the store closes
        }

        if (_telemetryBatcher is not null)
        {
            await _telemetryBatcher.DisposeAsync().ConfigureAwait(false); // verifies what the closed bus queued, before the store closes
        }

        if (_kms is not null)
        {
            await _kms.DisposeAsync().ConfigureAwait(false); // before the store it serves
        }

        _store?.Dispose();
        if (_embedded is not null)
        {
            await _embedded.DisposeAsync().ConfigureAwait(false);
        }

        _ledger?.Dispose();
    }

    private async Task StartPartsAsync(CancellationToken cancellationToken)
    {
        var o = Options;
        RunNumber = RunHistory.NextRunNumber(o.DataFolder);
        Directory.CreateDirectory(o.DataFolder);
        // The keys earlier runs issued, a crashed one's too: reported by this run, and a key issued again is an overlap.
        _ledger = IssuedKeyLedger.Open(o.DataFolder, RunNumber);
        foreach (var key in _ledger.Keys)
        {
            IssuedKeys.RecordEarlier(key.GatewayId, key.Range);
        }

        if (_inProcess is not null)
        {
            BrokerEndpoint = InProcessEndpoint;
        }
        else if (o.ExternalBroker is null)
        {
            try
            {
                _embedded = await Broker.EmbeddedBroker.StartAsync(o.EmbeddedBrokerListen).ConfigureAwait(false);
            }
            catch (System.Net.Sockets.SocketException e)
            {
                throw new IOException($"The embedded MQTT broker cannot listen on {o.EmbeddedBrokerListen} ({e.Message}). Choose another --listen address:port (port 0 = a free one) or stop the program that holds it.", e);
            }

            BrokerEndpoint = _embedded.Endpoint;
        }
        else
        {
            BrokerEndpoint = o.ExternalBroker;
        }

        var crypto = new HostCryptoPrimitives();
        var secrets = RunSecrets.LoadOrCreate(o.DataFolder, crypto, _random);
        _secrets = secrets;
        _store = o.OpenKeyStore();
        var ids = o.AllGatewayIds;
        if (o.KmsPort is { } kmsPort)
        {
            _kms = await EmulationKms.StartAsync(_store, o.KmsCertificateFolder, kmsPort, ids, cancellationToken).ConfigureAwait(false);
            Log.Write(LogLevel.Info, $"ETSI GS QKD 014 KMS at {_kms.Url} (certificates in {_kms.CertificateFolder}" +
                (_kms.CreatedFiles.Count > 0 ? $", {_kms.CreatedFiles.Count} written now)." : ")."));
        }

        var settings = new KeyStreamSettings(ids.ToDictionary(id => id, secrets.LinkKey), o.PoolCapacityBits, o.GatewayPairs, PairCapacityBits(o), _kms is null ? 0 : EmulationKms.ReserveBytesPerGateway);
        if (o.Workers > 1 || o.WorkerDatabase is not null)
        {
            await StartWorkersAsync(settings, crypto, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _serverBus = Buses("gatewayqkd-central-server", (topic, payload) => _server?.Receive(topic, payload));
            _server = new CentralServerNode(
                settings,
                new CentralServerServices(_store, new FileKeyStorage(Path.Combine(o.DataFolder, "central-server")), crypto, _random, _serverBus, Log, Counters, Telemetry, Clock.Time));
            _streams = _server.KeyStreams;
            if (_inProcess is null)
            {
                // real time: telemetry verified in batches and upstream frames handled off the connection's receive
                // loop (virtual time keeps the in-process bus's synchronous, reproducible order)
                _telemetryBatcher = _server.BatchTelemetry();
                _upstream = _server.QueueUpstream();
            }

            await _serverBus.ConnectAsync(BrokerConnectTimeout, cancellationToken).ConfigureAwait(false);
            _server.Start();
            await _serverBus.FlushOrLogAsync(TimeSpan.FromSeconds(10), Log, LogLevel.Error, "central server start (gateways may speak before it is subscribed)").ConfigureAwait(false);
        }

        _hap = new HapEmulator(_streams!, Rates, new HapParameters(o.HapTerminals, o.BlockBytes, GatewayConfigFactory.SlotMilliseconds(o), o.TradeOff, o.PairLinkShare));
        _sampler = new RunSampler(_streams!, _hap, _gateways);

        for (ushort id = 1; id <= o.Gateways; id++)
        {
            _gateways.Add(new EmulatedGateway(GatewayConfigFactory.Create(o, secrets, id), Path.Combine(o.DataFolder, $"gn-{id}"), BrokerEndpoint, Clock, Log, Buses, SlotPhases.Offset(_gateways.Count, o.SlotPhases, GatewayConfigFactory.SlotMilliseconds(o))));
        }

        // The broker answered the central server, so the clients below connect at once; the bound only stops a hang.
        using var clientsStarted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        clientsStarted.CancelAfter(ClientsStartTimeout);
        try
        {
            await StartClientsAsync(clientsStarted.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new IOException($"The gateways and sensors did not all connect to the broker at {BrokerEndpoint} within {ClientsStartTimeout.TotalSeconds:0} s. Check the broker's connection limit and load.");
        }

        Start = ReadStart();
        RunHistory.Record(o.DataFolder, RunNumber, ReportFolder);
        Log.Write(LogLevel.Info, $"Run '{o.Name}' started: {o.Gateways} emulated gateways, {o.BoardGateways.Count} boards ({o.BoardTwins.Count} board twins), broker {BrokerEndpoint}, key rate {Rates.Description}.");
        if (Start.Resumed)
        {
            Log.Write(LogLevel.Info, $"Run {RunNumber} resumes the deployment in {o.DataFolder}: {Start.StoreBlocks} blocks in the central store ({Start.StoreUnacknowledgedBlocks} unacknowledged), {Start.PoolBits} bits in gateway pools, {Start.LostBitsBefore} bits lost before this run.");
        }
    }

    // Several workers (docs/deployment.md), each with its own MQTT connection, store connection, lease and link-state
    // connections to the shared database: worker w1 takes every gateway at first, and hands half over as w2 joins.
    private async Task StartWorkersAsync(KeyStreamSettings settings, HostCryptoPrimitives crypto, CancellationToken cancellationToken)
    {
        var o = Options;
        var database = o.WorkerDatabase ?? DatabaseEngine.Sqlite(Path.Combine(o.DataFolder, "central-workers.sqlite"));
        for (var i = 1; i <= o.Workers; i++)
        {
            var name = $"w{i}";
            var store = o.OpenKeyStore(); // each worker its own connection: the SQLite file (WAL) on one machine, or PostgreSQL
            var storage = new DatabaseKeyStorage(database, "central");
            var leases = new GatewayLeases(database);
            CentralServerNode? node = null;
            var bus = Buses($"gatewayqkd-central-server-{name}", (topic, payload) => node?.HandleMessage(topic, payload));
            node = new CentralServerNode(settings, new CentralServerServices(store, storage, crypto, _random, bus, Log, Counters, Telemetry, Clock.Time), leased: true);
            var keeper = new LeaseKeeper(leases, name, settings.LinkKeys.Keys.ToList(), TimeProvider.System);
            var worker = new CentralServerWorker(node, bus, keeper, Log, leases, storage, store);
            _workers.Add(worker);
            await worker.StartAsync(BrokerConnectTimeout, cancellationToken).ConfigureAwait(false);
        }

        _streams = new LeasedKeyStreams([.. _workers.Select(w => w.Node.Streams)]);
        Log.Write(LogLevel.Info, $"{o.Workers} central-server workers share the gateways through leases in {database}.");
    }

    // What the data folder held once every gateway booted from it (all zero for a new deployment).
    private RunStart ReadStart()
    {
        var counts = _store!.GetAllCounts();
        foreach (var gateway in _gateways)
        {
            _lostAtStart[gateway.Id] = (gateway.Read()?.Counters[(int)GatewayCounter.KeyBytesLost] ?? 0) * 8L;
        }

        return new RunStart(
            RunNumber,
            counts.Sum(c => c.Blocks),
            counts.Sum(c => c.Blocks - c.AcknowledgedBlocks),
            _gateways.Sum(g => g.Read()?.AvailableBits ?? 0),
            _lostAtStart.Values.Sum());
    }

    private async Task StartClientsAsync(CancellationToken cancellationToken)
    {
        var o = Options;
        var ids = o.AllGatewayIds;
        var secrets = _secrets!;
        await Task.WhenAll(_gateways.Select(g => g.StartAsync(cancellationToken))).ConfigureAwait(false);
        foreach (var id in o.BoardTwins)
        {
            // The twin reads the settings file a board would, written from the run's own keys and broker.
            var drive = BoardTwinDrive(id);
            Directory.CreateDirectory(drive);
            await File.WriteAllTextAsync(
                Path.Combine(drive, BoardSettingsFile.FileName), BoardSettingsFile.Format(BoardSettingsFile.ForTwin(o, secrets, id, BrokerEndpoint)), cancellationToken).ConfigureAwait(false);
            await StartTwinAsync(id, cancellationToken).ConfigureAwait(false);
        }

        foreach (var id in ids)
        {
            var keys = GatewayConfigFactory.SensorIds(o).ToDictionary(s => s, s => secrets.DeviceKey(id, s));
            _sensors.Add(new SensorField(
                id, keys, Path.Combine(o.DataFolder, $"gn-{id}-sensors"), BrokerEndpoint, o.SecurityLevelsOf(id), o.RequestMeanIntervalOf(id),
                SensorSeed(o.Seed, id), Clock.EmulatedSeconds, Counters, RequestLatency, Telemetry, Log, Buses, Clock.Time));
            _sensors[^1].RequestSent += Requests.Sent;
            _sensors[^1].RequestAnswered += Requests.Answered;
            _sensors[^1].KeyReceived += (sender, e) =>
            {
                if (!IssuedKeys.Record(e.GatewayId, e.Range))
                {
                    Log.Write(LogLevel.Error, $"Gateway {e.GatewayId} issued key {e.Range}, which overlaps a key it issued before.");
                }

                _ledger!.Append(e.GatewayId, e.Range);
                KeyReceived?.Invoke(sender, e);
            };
        }

        await Task.WhenAll(_sensors.Select(s => s.StartAsync(cancellationToken))).ConfigureAwait(false);
        if (o.GatewayPairs.Count > 0)
        {
            _pairSensors = new PairSensors(
                o.GatewayPairs, secrets.DeviceKey, Path.Combine(o.DataFolder, "pair-sensors"), o.SecurityLevels, o.PairRequestIntervalSeconds,
                SensorSeed(o.Seed, 0), Clock.EmulatedSeconds, Counters, Telemetry, Log, Buses);
            _pairSensors.KeyReceived += (sender, e) =>
            {
                if (!IssuedKeys.Record(e.GatewayId, e.Range))
                {
                    Log.Write(LogLevel.Error, $"Gateway {e.GatewayId} issued pair key {e.Range}, which overlaps a key it issued before.");
                }

                PairKeyReceived?.Invoke(sender, e);
            };
            await _pairSensors.StartAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // A pair stream may fill at most half of each of its gateways' pools, so the central server's stream keeps room.
    private static long PairCapacityBits(EmulationOptions options) => options.PoolCapacityBits / 16 * 8;

    // The sensors' random stream per gateway: a fixed function of the seed (HashCode.Combine is salted per process,
    // so two runs with the same seed drew different traffic).
    private static int SensorSeed(int seed, ushort gatewayId) => unchecked((seed * 1_000_003) + gatewayId);

    // Every client's connection: MQTT to the run's broker, or the in-process broker in virtual time.
    private IRunBus Buses(string clientId, Action<string, byte[]> onMessage)
    {
        IRunBus bus = _inProcess is not null
            ? new InProcessBus(_inProcess, clientId, onMessage, Log)
            : new MqttMessageBus(BrokerEndpoint, clientId, onMessage, Log);
        lock (_allBuses)
        {
            _allBuses.Add(bus);
        }

        return bus;
    }

    private async Task StartTwinAsync(ushort id, CancellationToken cancellationToken)
    {
        var twin = BoardTwinProcess.Start(id, BoardTwinDrive(id), Log);
        _twins[id] = twin;
        if (!await twin.WaitUntilRunningAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false))
        {
            var last = string.Join(" | ", twin.Lines.TakeLast(5));
            throw new InvalidOperationException($"Board twin gn-{id} did not come up within 30 s; its last lines: {last}");
        }
    }

    // After the sensors stop: keep ticking (gateways serve, the HAP delivers) until telemetry and blocks settle, at most 3 s.
    private async Task DrainAsync()
    {
        var deadline = Clock.WallElapsed + TimeSpan.FromSeconds(3);
        while (Clock.WallElapsed < deadline && Telemetry.Outstanding > 0)
        {
            Tick(sensorsActive: false);
            await Task.Delay(TickInterval).ConfigureAwait(false);
        }
    }
}
