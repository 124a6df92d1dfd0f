using GatewayQkd.Emulation.Broker;

namespace GatewayQkd.Emulation.Options;

/// <summary>Builds <see cref="EmulationOptions"/> step by step; <see cref="Build"/> validates.</summary>
public sealed class EmulationOptionsBuilder
{
    private EmulationOptions _options;

    /// <summary>Starts from the defaults.</summary>
    public EmulationOptionsBuilder()
        : this(new EmulationOptions())
    {
    }

    /// <summary>Starts from existing options (e.g. a scenario file) to override some of them.</summary>
    public EmulationOptionsBuilder(EmulationOptions start) => _options = start ?? throw new ArgumentNullException(nameof(start));

    /// <summary>Sets the wall-clock duration.</summary>
    public EmulationOptionsBuilder WithDuration(TimeSpan duration) => Set(_options with { Duration = duration });

    /// <summary>Sets emulated seconds per wall-clock second.</summary>
    public EmulationOptionsBuilder WithSpeed(double speed) => Set(_options with { Speed = speed });

    /// <summary>Sets the random seed.</summary>
    public EmulationOptionsBuilder WithSeed(int seed) => Set(_options with { Seed = seed });

    /// <summary>Sets the number of emulated gateways and sensors per gateway.</summary>
    public EmulationOptionsBuilder WithGateways(int gateways, int sensorsPerGateway) =>
        Set(_options with { Gateways = gateways, SensorsPerGateway = sensorsPerGateway });

    /// <summary>Adds real boards that join as these gateway ids.</summary>
    public EmulationOptionsBuilder WithBoardGateways(params ushort[] ids) => Set(_options with { BoardGateways = ids });

    /// <summary>Runs these gateway ids as board twin processes (they become board gateways too).</summary>
    public EmulationOptionsBuilder WithBoardTwins(params ushort[] ids) =>
        Set(_options with { BoardTwins = ids, BoardGateways = [.. _options.BoardGateways.Concat(ids).Distinct()] });

    /// <summary>Sets the sensors' mean request interval (emulated seconds) and the K_sec levels drawn.</summary>
    public EmulationOptionsBuilder WithTraffic(double meanIntervalSeconds, params int[] securityLevels) =>
        Set(_options with { RequestMeanIntervalSeconds = meanIntervalSeconds, SecurityLevels = securityLevels.Length > 0 ? securityLevels : _options.SecurityLevels });

    /// <summary>Uses a constant key rate per link.</summary>
    public EmulationOptionsBuilder WithConstantKeyRate(double bitsPerSecond) =>
        Set(_options with { KeyRateModel = KeyRateModel.Constant, KeyRateBitsPerSecond = bitsPerSecond });

    /// <summary>Uses the channel model's key rate per link.</summary>
    public EmulationOptionsBuilder WithChannelKeyRate() => Set(_options with { KeyRateModel = KeyRateModel.Channel });

    /// <summary>Sets the HAP's optical terminals, the block size and the pool capacity.</summary>
    public EmulationOptionsBuilder WithKeySupply(int hapTerminals, int blockBytes, int poolCapacityBits) =>
        Set(_options with { HapTerminals = hapTerminals, BlockBytes = blockBytes, PoolCapacityBits = poolCapacityBits });

    /// <summary>Uses an external broker instead of the embedded one.</summary>
    public EmulationOptionsBuilder WithExternalBroker(BrokerEndpoint endpoint) => Set(_options with { ExternalBroker = endpoint });

    /// <summary>Runs the embedded broker on this port (0 = free port).</summary>
    public EmulationOptionsBuilder WithEmbeddedBroker(int port) => Set(_options with { ExternalBroker = null, EmbeddedBrokerPort = port });

    /// <summary>Serves the central key store over ETSI GS QKD 014 on this port (0 = free port) with the certificates in <paramref name="certFolder"/> (null = data folder/certs).</summary>
    public EmulationOptionsBuilder WithKms(int port, string? certFolder = null) => Set(_options with { KmsPort = port, KmsCertFolder = certFolder });

    /// <summary>Sets the durable state folder and the report folder.</summary>
    public EmulationOptionsBuilder WithFolders(string dataFolder, string outputFolder) =>
        Set(_options with { DataFolder = dataFolder, OutputFolder = outputFolder });

    /// <summary>Sets the sampling interval of the time series (wall-clock seconds).</summary>
    public EmulationOptionsBuilder WithSampleInterval(double seconds) => Set(_options with { SampleIntervalSeconds = seconds });

    /// <summary>Applies any other change.</summary>
    public EmulationOptionsBuilder With(Func<EmulationOptions, EmulationOptions> change) => Set(change(_options));

    /// <summary>Returns the options, or throws <see cref="EmulationOptionsException"/> naming every problem.</summary>
    public EmulationOptions Build() => Build(null);

    /// <summary>Returns the options, or throws naming every problem with <paramref name="names"/> (scenario key -> option name, e.g. "--sensors").</summary>
    public EmulationOptions Build(IReadOnlyDictionary<string, string>? names)
    {
        EmulationOptionsValidator.ThrowIfInvalid(_options, names);
        return _options;
    }

    private EmulationOptionsBuilder Set(EmulationOptions options)
    {
        _options = options;
        return this;
    }
}
