namespace GatewayQkd.Emulation.Options;

/// <summary>
/// The scenario file format (JSON or YAML, camelCase keys, docs/emulation.md s4): every field optional, an omitted
/// field keeps its default. Unknown keys are an error, so a typo is not silently ignored.
/// </summary>
public sealed class ScenarioDocument
{
    /// <summary>Gets or sets a name shown in the report.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the wall-clock duration in seconds.</summary>
    public double? DurationSeconds { get; set; }

    /// <summary>Gets or sets the emulated seconds per wall-clock second.</summary>
    public double? Speed { get; set; }

    /// <summary>Gets or sets whether the run uses virtual time (reproducible; no boards, no external broker).</summary>
    public bool? VirtualTime { get; set; }

    /// <summary>Gets or sets the random seed.</summary>
    public int? Seed { get; set; }

    /// <summary>Gets or sets the number of emulated gateways.</summary>
    public int? Gateways { get; set; }

    /// <summary>Gets or sets the ids of real boards joining as gateways.</summary>
    public List<ushort>? BoardGateways { get; set; }

    /// <summary>Gets or sets the real sensor boards as "GATEWAY:SENSOR" (e.g. "9:101").</summary>
    public List<string>? BoardSensors { get; set; }

    /// <summary>Gets or sets the emulated sensors per gateway.</summary>
    public int? SensorsPerGateway { get; set; }

    /// <summary>Gets or sets the sensors' mean request interval in emulated seconds.</summary>
    public double? RequestMeanIntervalSeconds { get; set; }

    /// <summary>Gets or sets the K_sec levels requests are drawn from.</summary>
    public List<int>? SecurityLevels { get; set; }

    /// <summary>Gets or sets "constant" or "channel".</summary>
    public string? KeyRateModel { get; set; }

    /// <summary>Gets or sets the constant key rate per link in bit/s.</summary>
    public double? KeyRateBitsPerSecond { get; set; }

    /// <summary>Gets or sets the HAP's optical terminals.</summary>
    public int? HapTerminals { get; set; }

    /// <summary>Gets or sets the key block size in bytes.</summary>
    public int? BlockBytes { get; set; }

    /// <summary>Gets or sets the gateway pool capacity in bits.</summary>
    public int? PoolCapacityBits { get; set; }

    /// <summary>Gets or sets the DDKA slot in emulated seconds.</summary>
    public double? SlotSeconds { get; set; }

    /// <summary>Gets or sets each gateway's status frame period in emulated seconds (0: never).</summary>
    public double? StatusIntervalSeconds { get; set; }

    /// <summary>Gets or sets the DDKA trade-off w.</summary>
    public double? TradeOff { get; set; }

    /// <summary>Gets or sets the external broker (omit for the embedded one).</summary>
    public ScenarioBroker? Broker { get; set; }

    /// <summary>Gets or sets the embedded broker's port (0 = free).</summary>
    public int? EmbeddedBrokerPort { get; set; }

    /// <summary>Gets or sets the embedded broker's ADDRESS:PORT, e.g. "0.0.0.0:1883" for boards on the LAN (instead of embeddedBrokerPort).</summary>
    public string? Listen { get; set; }

    /// <summary>Gets or sets the port of the ETSI GS QKD 014 KMS (0 = free; omit for no KMS).</summary>
    public int? KmsPort { get; set; }

    /// <summary>Gets or sets the KMS certificate folder (default: certs in the data folder).</summary>
    public string? KmsCerts { get; set; }

    /// <summary>Gets or sets the durable state folder.</summary>
    public string? DataFolder { get; set; }

    /// <summary>Gets or sets the report folder.</summary>
    public string? OutputFolder { get; set; }

    /// <summary>Gets or sets the time-series sampling interval in wall-clock seconds.</summary>
    public double? SampleIntervalSeconds { get; set; }

    /// <summary>Gets or sets the HAP's altitude, nadir, station keeping and vibration (geography, s4b).</summary>
    public ScenarioHapDocument? Hap { get; set; }

    /// <summary>Gets or sets the central server's ground terminal on the map (default: the HAP's nadir).</summary>
    public ScenarioPointDocument? CentralServer { get; set; }

    /// <summary>Gets or sets the gateway sites: position, terminal, traffic (geography, s4b).</summary>
    public List<ScenarioSiteDocument>? Sites { get; set; }

    /// <summary>Gets or sets the weather over time: base preset and moving events (geography, s4b).</summary>
    public ScenarioWeatherDocument? Weather { get; set; }
}
