using GatewayQkd.Emulation.Broker;

namespace GatewayQkd.Emulation.Options;

/// <summary>
/// One emulation run: how long, how fast, how many gateways and sensors, the key supply, the pools and the broker.
/// Set fields with an object initializer or `with` (or load a scenario file with <see cref="ScenarioFile"/>); check with
/// <see cref="EmulationOptionsValidator"/>. Defaults follow the DDKA paper's setup (s4) where it gives one.
/// </summary>
public sealed record EmulationOptions
{
    /// <summary>Gets a name for the run, shown in the live view and the report.</summary>
    public string Name { get; init; } = "emulation";

    /// <summary>Gets the wall-clock length of the run (demo default: about a minute).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets how many emulated seconds pass per wall-clock second (1 = real time).</summary>
    public double Speed { get; init; } = 1.0;

    /// <summary>
    /// Gets a value indicating whether the run uses virtual time (docs/emulation.md s1b): a wall clock that advances in
    /// fixed steps and an in-process broker pumped between the steps, so the same seed gives the same bits, counters
    /// and report on every run and machine. Real time (false) is the default and the only mode for boards.
    /// </summary>
    public bool VirtualTime { get; init; }

    /// <summary>Gets the seed of every random choice (sensor traffic, emulated device keys), so runs repeat.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Gets the number of emulated gateways (ids 1..N); the DDKA paper uses 4 edge gateways.</summary>
    public int Gateways { get; init; } = 4;

    /// <summary>Gets the gateway ids that are real boards joining over the broker (not emulated; ids above N are allowed).</summary>
    public IReadOnlyList<ushort> BoardGateways { get; init; } = [];

    /// <summary>Gets the real sensor boards: sensor ids of a gateway that no emulated sensor takes (above <see cref="SensorsPerGateway"/>).</summary>
    public IReadOnlyList<BoardSensor> BoardSensors { get; init; } = [];

    /// <summary>
    /// Gets the board gateways this PC runs itself as board twins: the firmware/Device application in its own process,
    /// joining over TCP with its settings file and storage folder as a board does (each id is also in <see cref="BoardGateways"/>).
    /// </summary>
    public IReadOnlyList<ushort> BoardTwins { get; init; } = [];

    /// <summary>Gets the number of emulated sensors per gateway.</summary>
    public int SensorsPerGateway { get; init; } = 3;

    /// <summary>Gets the mean time between a sensor's key requests in emulated seconds (Poisson; DDKA paper: 5 s).</summary>
    public double RequestMeanIntervalSeconds { get; init; } = 5.0;

    /// <summary>Gets the security levels K_sec requests are drawn from, uniformly (DDKA paper: 1..5).</summary>
    public IReadOnlyList<int> SecurityLevels { get; init; } = [1, 2, 3, 4, 5];

    /// <summary>Gets the source of the per-link key rate.</summary>
    public KeyRateModel KeyRateModel { get; init; } = KeyRateModel.Constant;

    /// <summary>Gets the constant secret key rate of each HAP-GN link in bit/s (DDKA paper: 1280 bit/s).</summary>
    public double KeyRateBitsPerSecond { get; init; } = 1280;

    /// <summary>Gets the number of HAP optical terminals: link time per emulated second shared among the gateways.</summary>
    public int HapTerminals { get; init; } = 2;

    /// <summary>Gets the size of a key block pushed to a gateway, in bytes.</summary>
    public int BlockBytes { get; init; } = 32;

    /// <summary>Gets the gateway pool capacity for the central-server stream, in bits (DDKA paper: 5120).</summary>
    public int PoolCapacityBits { get; init; } = 5120;

    /// <summary>Gets the DDKA time slot in emulated seconds.</summary>
    public double SlotSeconds { get; init; } = 1.0;

    /// <summary>
    /// Gets how often each emulated gateway sends its status frame, in emulated seconds (0: never). The emulation's
    /// default is 1 s so the HAP and the report see pool levels every second; the firmware's own default is 10 s
    /// (firmware/Core/Gateway/GatewayConfig.cs), which `bench capacity` uses.
    /// </summary>
    public double StatusIntervalSeconds { get; init; } = Emulation.Gateways.GatewayConfigFactory.StatusIntervalMilliseconds / 1000.0;

    /// <summary>
    /// Gets at how many instants per slot the emulated gateways' slots end (1: all at the same instant, on the run's
    /// clock): gateway i's clock runs (i mod phases) x t_slot / phases ms ahead, as boards booted at different moments
    /// count their slots from their own uptime (<see cref="Timing.SlotPhases"/>). At most one phase per millisecond of a slot.
    /// </summary>
    public int SlotPhases { get; init; } = 1;

    /// <summary>Gets the DDKA trade-off w between key quantity and security level (DDKA paper: 0.5).</summary>
    public double TradeOff { get; init; } = 0.5;

    /// <summary>Gets the external broker, or null to run the embedded one.</summary>
    public BrokerEndpoint? ExternalBroker { get; init; }

    /// <summary>Gets the embedded broker's port (0 = a free port).</summary>
    public int EmbeddedBrokerPort { get; init; }

    /// <summary>Gets the address the embedded broker listens on: loopback by default; 0.0.0.0 lets boards on the LAN in.</summary>
    public System.Net.IPAddress EmbeddedBrokerAddress { get; init; } = System.Net.IPAddress.Loopback;

    /// <summary>Gets the embedded broker's listen address and port together.</summary>
    public ListenEndpoint EmbeddedBrokerListen => new(EmbeddedBrokerAddress, EmbeddedBrokerPort);

    /// <summary>Gets the folder of the durable state: the central key store and one storage folder per gateway.</summary>
    public string DataFolder { get; init; } = Path.Combine("out", "emulation", "data");

    /// <summary>Gets the folder the report (CSV, PNG, JSON) is written to.</summary>
    public string OutputFolder { get; init; } = Path.Combine("out", "emulation");

    /// <summary>Gets the seconds of wall-clock time between two samples of the time series (and live view refreshes).</summary>
    public double SampleIntervalSeconds { get; init; } = 0.5;

    /// <summary>
    /// Gets the port of the ETSI GS QKD 014 KMS served on the central key store during the run (0 = a free port), or
    /// null for no KMS (the default).
    /// </summary>
    public int? KmsPort { get; init; }

    /// <summary>Gets the KMS certificate folder, or null for <see cref="DataFolder"/>/certs.</summary>
    public string? KmsCertFolder { get; init; }

    /// <summary>Gets the KMS certificate folder in use: <see cref="KmsCertFolder"/> or a certs folder in the data folder.</summary>
    public string KmsCertificateFolder => KmsCertFolder ?? Path.Combine(DataFolder, "certs");

    /// <summary>Gets the central key store file (SQLite) inside <see cref="DataFolder"/>.</summary>
    public string KeyStoreFile => Path.Combine(DataFolder, "central-keys.sqlite");

    /// <summary>
    /// Gets the number of central-server workers sharing the gateways through leases (docs/deployment.md); 1 (the
    /// default) is the one central server of one machine, with no leases.
    /// </summary>
    public int Workers { get; init; } = 1;

    /// <summary>
    /// Gets the database of the workers' leases and link counters (PostgreSQL for workers on several machines), or null
    /// for an SQLite file in <see cref="DataFolder"/> when <see cref="Workers"/> is above 1. Given with one worker, that
    /// worker runs on leases too (the 1-worker point of `bench workers`).
    /// </summary>
    public Kms.Cluster.DatabaseEngine? WorkerDatabase { get; init; }

    /// <summary>
    /// Gets the database of the central key store (PostgreSQL for workers on several machines: every worker and the
    /// run's KMS open it), or null for the SQLite file <see cref="KeyStoreFile"/>.
    /// </summary>
    public Kms.Cluster.DatabaseEngine? KeyStoreDatabase { get; init; }

    /// <summary>Opens the central key store: <see cref="KeyStoreDatabase"/>, or the SQLite file <see cref="KeyStoreFile"/>.</summary>
    public Kms.Store.CentralKeyStore OpenKeyStore() =>
        KeyStoreDatabase is { } database ? Kms.Store.CentralKeyStore.Open(database) : Kms.Store.CentralKeyStore.Open(KeyStoreFile);

    /// <summary>Gets the pairs of emulated gateways whose sensors share keys the HAP relays (none by default).</summary>
    public IReadOnlyList<GatewayPair> GatewayPairs { get; init; } = [];

    /// <summary>Gets the share of each paired link's time the HAP spends relaying gateway-to-gateway keys (0..1, exclusive).</summary>
    public double PairLinkShare { get; init; } = 0.25;

    /// <summary>Gets the mean interval (emulated s) between two shared-key requests of a pair's initiating sensor.</summary>
    public double PairRequestIntervalSeconds { get; init; } = 2.0;

    /// <summary>
    /// Gets the scenario's geography (HAP, sites, terminals, traffic per gateway, weather over time), or null for none;
    /// with one, each link's key rate comes from the channel model for that geometry (docs/emulation.md s4b).
    /// </summary>
    public ScenarioGeography? Geography { get; init; }

    /// <summary>Returns the K_sec levels gateway <paramref name="gatewayId"/>'s sensors draw from: its site's, else the scenario's.</summary>
    public IReadOnlyList<int> SecurityLevelsOf(ushort gatewayId) => Geography?.SiteOf(gatewayId)?.SecurityLevels ?? SecurityLevels;

    /// <summary>Returns gateway <paramref name="gatewayId"/>'s sensors' mean request interval: its site's, else the scenario's.</summary>
    public double RequestMeanIntervalOf(ushort gatewayId) => Geography?.SiteOf(gatewayId)?.RequestMeanIntervalSeconds ?? RequestMeanIntervalSeconds;

    /// <summary>Gets the ids of every gateway the HAP serves: the emulated 1..N, then the boards.</summary>
    public IReadOnlyList<ushort> AllGatewayIds =>
        [.. Enumerable.Range(1, Gateways).Select(i => (ushort)i).Concat(BoardGateways).Distinct()];

    /// <summary>These options with <paramref name="ids"/> run as board twin processes: each twin is also a board gateway.</summary>
    public EmulationOptions WithBoardTwins(params ushort[] ids) => this with { BoardTwins = ids, BoardGateways = [.. BoardGateways.Concat(ids).Distinct()] };

    /// <summary>Returns these options, or throws <see cref="EmulationOptionsException"/> naming every problem (fields by their scenario keys).</summary>
    public EmulationOptions Validated()
    {
        EmulationOptionsValidator.ThrowIfInvalid(this);
        return this;
    }
}
