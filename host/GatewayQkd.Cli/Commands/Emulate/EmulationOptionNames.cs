namespace GatewayQkd.Cli.Commands.Emulate;

/// <summary>
/// The command-line option behind each scenario key, so that a refused value is named as the user typed it
/// ("--sensors must be 1..1000, got -1.") rather than by the scenario key or an internal field name.
/// </summary>
internal static class EmulationOptionNames
{
    /// <summary>The `emulate` options (keys without an option keep their scenario name: they come from a scenario file).</summary>
    public static readonly IReadOnlyDictionary<string, string> Emulate = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["durationSeconds"] = "--duration",
        ["speed"] = "--speed",
        ["virtualTime"] = "--virtual-time",
        ["gateways"] = "--gateways",
        ["sensorsPerGateway"] = "--sensors",
        ["seed"] = "--seed",
        ["keyRateModel"] = "--key-rate",
        ["keyRateBitsPerSecond"] = "--rate",
        ["boardGateways"] = "--board",
        ["boardSensors"] = "--board-sensor",
        ["listen"] = "--listen",
        ["boardTwins"] = "--board-twin",
        ["broker"] = "--broker",
        ["embeddedBrokerPort"] = "--broker-port",
        ["kmsPort"] = "--kms-port",
        ["kmsCerts"] = "--kms-certs",
        ["dataFolder"] = "--data",
        ["outputFolder"] = "--out",
    };

    /// <summary>The `demo` options.</summary>
    public static readonly IReadOnlyDictionary<string, string> Demo = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["durationSeconds"] = "--duration",
        ["speed"] = "--speed",
        ["gateways"] = "--gateways",
        ["sensorsPerGateway"] = "--sensors",
        ["outputFolder"] = "--out",
        ["virtualTime"] = "--virtual-time",
        ["seed"] = "--seed",
    };
}
