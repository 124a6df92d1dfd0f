using System.Globalization;

namespace GatewayQkd.Emulation.Options;

/// <summary>
/// Checks emulation options before a run starts, naming every field that is out of range. Fields are named as the
/// user wrote them: by default the scenario file's keys (docs/emulation.md s4); a command passes its option names
/// (e.g. sensorsPerGateway -> --sensors), so a message reads "--sensors must be 1..1000, got -1.".
/// </summary>
public static class EmulationOptionsValidator
{
    /// <summary>The most emulated gateways one host runs (ids are 16-bit; the bench goes to 100).</summary>
    public const int MaxGateways = 1000;

    /// <summary>The longest status interval, seconds: a day, the firmware's own bound on status.interval.ms (firmware/Core/Board/DeviceSettings.cs).</summary>
    public const double MaxStatusIntervalSeconds = 86400;

    /// <summary>The most emulated sensors per gateway.</summary>
    public const int MaxSensorsPerGateway = 1000;

    /// <summary>Returns every problem found, naming fields by their scenario keys (empty when the options can run).</summary>
    public static IReadOnlyList<string> Validate(EmulationOptions options) => Validate(options, null);

    /// <summary>
    /// Returns every problem found (empty when the options can run), naming each field by <paramref name="names"/>
    /// (scenario key -> what the user typed, e.g. "--sensors"); keys missing from it keep the scenario key.
    /// </summary>
    public static IReadOnlyList<string> Validate(EmulationOptions options, IReadOnlyDictionary<string, string>? names)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        void Check(bool ok, string key, string problem)
        {
            if (!ok)
            {
                problems.Add($"{(names is not null && names.TryGetValue(key, out var name) ? name : key)} {problem}");
            }
        }

        Check(options.Duration > TimeSpan.Zero && options.Duration <= TimeSpan.FromDays(7), "durationSeconds", $"must be positive and at most 7 days (604800 s), got {S(options.Duration.TotalSeconds)} s.");
        Check(options.Speed is > 0 and <= 10_000 && double.IsFinite(options.Speed), "speed", $"must be above 0 and at most 10000, got {S(options.Speed)}.");
        Check(options.Gateways is >= 0 and <= MaxGateways, "gateways", $"must be 0..{MaxGateways}, got {options.Gateways}.");
        Check(options.Gateways + options.BoardGateways.Count > 0, "gateways", "must leave at least one gateway (emulated or board), got 0 and no board.");
        Check(options.BoardGateways.All(id => id > options.Gateways), "boardGateways", $"ids must be above the emulated ones (1..{options.Gateways}), got {string.Join(", ", options.BoardGateways)}.");
        Check(options.BoardGateways.Distinct().Count() == options.BoardGateways.Count, "boardGateways", $"ids must be distinct, got {string.Join(", ", options.BoardGateways)}.");
        Check(options.BoardSensors.All(b => b.SensorId > options.SensorsPerGateway), "boardSensors", $"sensor ids must be above the emulated ones (1..{options.SensorsPerGateway}), got {string.Join(", ", options.BoardSensors)}.");
        Check(options.BoardSensors.All(b => options.AllGatewayIds.Contains(b.GatewayId)), "boardSensors", $"each gateway must be one of the run's (emulated or board), got {string.Join(", ", options.BoardSensors)}.");
        Check(options.BoardSensors.Distinct().Count() == options.BoardSensors.Count, "boardSensors", $"must be distinct, got {string.Join(", ", options.BoardSensors)}.");
        Check(options.SensorsPerGateway is >= 1 and <= MaxSensorsPerGateway, "sensorsPerGateway", $"must be 1..{MaxSensorsPerGateway}, got {options.SensorsPerGateway}.");
        Check(options.RequestMeanIntervalSeconds > 0 && double.IsFinite(options.RequestMeanIntervalSeconds), "requestMeanIntervalSeconds", $"must be above 0, got {S(options.RequestMeanIntervalSeconds)}.");
        Check(options.SecurityLevels.Count > 0 && options.SecurityLevels.All(l => l is >= 0 and <= 5), "securityLevels", $"must be a non-empty list of K_sec levels 0..5, got [{string.Join(", ", options.SecurityLevels)}].");
        Check(options.KeyRateBitsPerSecond > 0 && double.IsFinite(options.KeyRateBitsPerSecond), "keyRateBitsPerSecond", $"must be above 0 bit/s, got {S(options.KeyRateBitsPerSecond)}.");
        Check(Enum.IsDefined(options.KeyRateModel), "keyRateModel", $"must be constant or channel, got {options.KeyRateModel}.");
        Check(options.HapTerminals >= 1, "hapTerminals", $"must be at least 1, got {options.HapTerminals}.");
        Check(options.BlockBytes is >= 16 and <= 4096, "blockBytes", $"must be 16..4096, got {options.BlockBytes}.");
        Check(options.PoolCapacityBits >= 2048 && options.PoolCapacityBits % 8 == 0, "poolCapacityBits", $"must be a whole number of bytes and hold the largest key (2048 bits), got {options.PoolCapacityBits}.");
        Check(options.PoolCapacityBits >= options.BlockBytes * 8, "poolCapacityBits", $"must hold at least one block ({options.BlockBytes * 8} bits), got {options.PoolCapacityBits}.");
        Check(options.SlotSeconds > 0 && double.IsFinite(options.SlotSeconds), "slotSeconds", $"must be above 0, got {S(options.SlotSeconds)}.");
        Check(options.StatusIntervalSeconds >= 0 && options.StatusIntervalSeconds <= MaxStatusIntervalSeconds, "statusIntervalSeconds", $"must be 0 (never) to {MaxStatusIntervalSeconds} s, got {S(options.StatusIntervalSeconds)}.");
        Check(options.SlotPhases >= 1 && (!(options.SlotSeconds > 0) || options.SlotPhases <= Gateways.GatewayConfigFactory.SlotMilliseconds(options)), "slotPhases", $"must be 1 to the slot's milliseconds, got {options.SlotPhases}.");
        Check(options.TradeOff is >= 0 and <= 1, "tradeOff", $"(w) must be in [0, 1], got {S(options.TradeOff)}.");
        Check(options.EmbeddedBrokerPort is >= 0 and <= 65535, "embeddedBrokerPort", $"must be 0..65535 (0 = a free port), got {options.EmbeddedBrokerPort}.");
        Check(options.KmsPort is null or (>= 0 and <= 65535), "kmsPort", $"must be 0..65535 (0 = a free port), got {options.KmsPort}.");
        Check(options.KmsCertFolder is null || !string.IsNullOrWhiteSpace(options.KmsCertFolder), "kmsCerts", "must be a folder path, got an empty one.");
        Check(options.KmsCertFolder is null || !File.Exists(options.KmsCertFolder), "kmsCerts", $"must be a folder, got the file '{options.KmsCertFolder}'.");
        Check(options.SampleIntervalSeconds is >= 0.05 and <= 60, "sampleIntervalSeconds", $"must be 0.05..60, got {S(options.SampleIntervalSeconds)}.");
        Check(!string.IsNullOrWhiteSpace(options.DataFolder), "dataFolder", "must be a folder path, got an empty one.");
        Check(!File.Exists(options.DataFolder), "dataFolder", $"must be a folder, got the file '{options.DataFolder}'.");
        Check(!string.IsNullOrWhiteSpace(options.OutputFolder), "outputFolder", "must be a folder path, got an empty one.");
        Check(!File.Exists(options.OutputFolder), "outputFolder", $"must be a folder, got the file '{options.OutputFolder}'.");
        Check(!options.VirtualTime || options.BoardGateways.Count == 0, "virtualTime", "cannot be used with boards (boardGateways): a board runs in real time.");
        Check(!options.VirtualTime || options.ExternalBroker is null, "virtualTime", "cannot be used with an external broker: virtual time has its own in-process broker.");
        Check(options.BoardTwins.All(options.BoardGateways.Contains), "boardTwins", $"each board twin must be a board gateway, got twins {string.Join(", ", options.BoardTwins)} and boards {string.Join(", ", options.BoardGateways)}.");
        Check(options.BoardTwins.Distinct().Count() == options.BoardTwins.Count, "boardTwins", $"ids must be distinct, got {string.Join(", ", options.BoardTwins)}.");
        Check(options.GatewayPairs.All(p => p.Lower >= 1 && p.Lower < p.Higher && p.Higher <= options.Gateways), "gatewayPairs", $"each pair must name two emulated gateways (1..{options.Gateways}), lower id first, got [{string.Join(", ", options.GatewayPairs)}].");
        Check(options.Workers is >= 1 and <= 16, "workers", $"must be 1..16, got {options.Workers}.");
        Check((options.Workers == 1 && options.WorkerDatabase is null) || !options.VirtualTime, "workers", "above 1 (or a worker database) cannot be used with virtual time: the workers' leases run on the wall clock.");
        Check((options.Workers == 1 && options.WorkerDatabase is null) || options.GatewayPairs.Count == 0, "workers", "above 1 (or a worker database) cannot be used with gatewayPairs: a pair's two gateways may be served by different workers.");
        Check(options.GatewayPairs.Distinct().Count() == options.GatewayPairs.Count, "gatewayPairs", $"must be distinct, got [{string.Join(", ", options.GatewayPairs)}].");
        Check(options.PairLinkShare is > 0 and < 1, "pairLinkShare", $"must be above 0 and below 1, got {S(options.PairLinkShare)}.");
        Check(options.PairRequestIntervalSeconds > 0 && double.IsFinite(options.PairRequestIntervalSeconds), "pairRequestIntervalSeconds", $"must be above 0, got {S(options.PairRequestIntervalSeconds)}.");
        Check(options.GatewayPairs.Count == 0 || options.BlockBytes <= Core.Protocol.KeyRelayMessage.MaxRelayBytes, "blockBytes", $"must be at most {Core.Protocol.KeyRelayMessage.MaxRelayBytes} with gatewayPairs (one relayed block), got {options.BlockBytes}.");
        if (options.Geography is { } geography)
        {
            problems.AddRange(ScenarioGeographyReader.Check(geography, options.Gateways));
            Check(options.BoardGateways.Count == 0, "sites", "a geography covers emulated gateways only (the channel gives no rate to a board's link), got boards " + string.Join(", ", options.BoardGateways) + ".");
        }

        if (options.ExternalBroker is { } broker)
        {
            Check(!string.IsNullOrWhiteSpace(broker.Host), "broker", "host must not be empty.");
            Check(broker.Port is >= 1 and <= 65535, "broker", $"port must be 1..65535, got {broker.Port}.");
            Check(broker.CaCertificateFile is null || File.Exists(broker.CaCertificateFile), "broker", $"CA certificate file '{broker.CaCertificateFile}' does not exist.");
            Check(broker.Password is null || broker.Username is not null, "broker", "password needs a user name.");
        }

        return problems;
    }

    /// <summary>Throws <see cref="EmulationOptionsException"/> listing every problem, if any (fields named by their scenario keys).</summary>
    public static void ThrowIfInvalid(EmulationOptions options) => ThrowIfInvalid(options, null);

    /// <summary>Throws <see cref="EmulationOptionsException"/> listing every problem, if any, naming fields by <paramref name="names"/>.</summary>
    public static void ThrowIfInvalid(EmulationOptions options, IReadOnlyDictionary<string, string>? names)
    {
        var problems = Validate(options, names);
        if (problems.Count > 0)
        {
            throw new EmulationOptionsException(problems);
        }
    }

    private static string S(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
