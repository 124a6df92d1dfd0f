using System.Text.Json.Nodes;
using GatewayQkd.Core.Crypto;
using GatewayQkd.Core.Protocol;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Keys;
using GatewayQkd.Emulation.Options;

namespace GatewayQkd.Emulation.Gateways;

/// <summary>
/// What a real gateway board needs to join a run as gateway <c>id</c> (docs/emulation.md s6): its id, the authority id,
/// the broker, its link key and its sensors' device keys (hex), the pool and DDKA settings, and the topics it uses.
/// The keys are secrets: the file is for provisioning the board, not for sharing.
/// </summary>
public static class BoardConfiguration
{
    /// <summary>Returns the board's configuration as JSON.</summary>
    public static JsonObject Create(EmulationOptions options, RunSecrets secrets, ushort gatewayId, BrokerEndpoint? broker)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(secrets);
        var config = GatewayConfigFactory.Create(options, secrets, gatewayId);
        var sensors = new JsonArray();
        foreach (var sensor in config.SensorIds)
        {
            sensors.Add(new JsonObject { ["sensorId"] = sensor, ["deviceKeyHex"] = Hex.Encode(config.DeviceKeyOf(sensor)) });
        }

        return new JsonObject
        {
            ["gatewayId"] = gatewayId,
            ["authorityId"] = config.AuthorityId,
            ["broker"] = broker is null ? "the host's address and the embedded broker's port (emulate --broker-port)" : $"{broker.Host}:{broker.Port}",
            ["brokerTls"] = broker?.UseTls ?? false,
            ["linkKeyHex"] = Hex.Encode(config.LinkKey),
            ["sensors"] = sensors,
            ["capacityBits"] = config.CapacityBits,
            ["lowThresholdBits"] = config.LowThresholdBits,
            ["highThresholdBits"] = config.HighThresholdBits,
            ["tradeOff"] = config.TradeOff,
            ["slotMilliseconds"] = config.SlotMilliseconds,
            ["statusIntervalMilliseconds"] = config.StatusIntervalMilliseconds,
            ["topics"] = new JsonObject
            {
                ["subscribe"] = new JsonArray(Topics.Blocks(gatewayId), Topics.RequestFilter(gatewayId)),
                ["publish"] = new JsonArray(Topics.Ack(gatewayId), Topics.Supplement(gatewayId), Topics.Status(gatewayId), $"{Topics.GatewayPrefix}{gatewayId}/resp/{{sensorId}}"),
            },
        };
    }
}
