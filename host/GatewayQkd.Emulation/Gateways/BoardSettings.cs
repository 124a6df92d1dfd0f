using GatewayQkd.Core.Gateway;

namespace GatewayQkd.Emulation.Gateways;

/// <summary>
/// Everything a real gateway board's settings file holds for one run (<see cref="BoardSettingsFile"/> writes it):
/// the gateway configuration the run gives that gateway id, where the broker is and how to log in, and the Wi-Fi.
/// </summary>
public sealed record BoardSettings
{
    /// <summary>Gets the gateway's configuration: ids, link key, sensor keys, pool and DDKA parameters.</summary>
    public required GatewayConfig Gateway { get; init; }

    /// <summary>Gets the broker host the board connects to (the PC's LAN address for the embedded broker).</summary>
    public required string BrokerHost { get; init; }

    /// <summary>Gets the broker port.</summary>
    public required int BrokerPort { get; init; }

    /// <summary>Gets the board's MQTT user name, or null for an anonymous broker.</summary>
    public string? BrokerUsername { get; init; }

    /// <summary>Gets the board's MQTT password, or null.</summary>
    public string? BrokerPassword { get; init; }

    /// <summary>Gets the Wi-Fi network name, or null to write a placeholder the user replaces.</summary>
    public string? WifiSsid { get; init; }

    /// <summary>Gets the Wi-Fi password, or null to write a placeholder the user replaces.</summary>
    public string? WifiPassword { get; init; }

    /// <summary>Gets comment lines for the file's header (e.g. a warning), without the '#'.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
