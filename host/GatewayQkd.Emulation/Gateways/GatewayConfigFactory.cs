using GatewayQkd.Core.Gateway;
using GatewayQkd.Emulation.Keys;
using GatewayQkd.Emulation.Options;

namespace GatewayQkd.Emulation.Gateways;

/// <summary>Builds the core's <see cref="GatewayConfig"/> for gateway <c>id</c> of a scenario: ids, keys and pool and DDKA parameters.</summary>
public static class GatewayConfigFactory
{
    /// <summary>The default status interval in emulated milliseconds (the HAP learns pool levels from it; one DDKA slot in the paper's setup); <see cref="EmulationOptions.StatusIntervalSeconds"/> sets a run's.</summary>
    public const long StatusIntervalMilliseconds = 1000;

    /// <summary>The sensor id of a pair's sensor on each paired gateway (docs/emulation.md, gateway-to-gateway keys).</summary>
    public const ushort PairSensorId = 65000;

    /// <summary>Returns the emulated sensor ids of a gateway: 1..M.</summary>
    public static IReadOnlyList<ushort> SensorIds(EmulationOptions options) =>
        [.. Enumerable.Range(1, options.SensorsPerGateway).Select(i => (ushort)i)];

    /// <summary>Returns the DDKA slot length t_slot of every emulated gateway, in milliseconds (at least 1).</summary>
    public static long SlotMilliseconds(EmulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Math.Max(1, (long)(options.SlotSeconds * 1000));
    }

    /// <summary>Returns the configuration of gateway <paramref name="gatewayId"/>.</summary>
    public static GatewayConfig Create(EmulationOptions options, RunSecrets secrets, ushort gatewayId)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(secrets);
        var capacity = (long)options.PoolCapacityBits;
        var config = new GatewayConfig
        {
            GatewayId = gatewayId,
            LinkKey = secrets.LinkKey(gatewayId),
            CapacityBits = capacity,
            MaxBlocks = Math.Max(24, (int)(capacity / (options.BlockBytes * 8)) + 8),
            LowThresholdBits = capacity / 4 / 8 * 8, // a quarter of the capacity: the paper's low start level (1280 of 5120)
            HighThresholdBits = capacity * 4 / 5 / 8 * 8, // 80 %, the core's default ratio (4096 of 5120)
            TradeOff = options.TradeOff,
            SlotMilliseconds = SlotMilliseconds(options),
            StatusIntervalMilliseconds = (long)Math.Round(options.StatusIntervalSeconds * 1000),
        };
        // A paired gateway keeps one virtual pool per pair (its stream with the other gateway) and the pair's sensor.
        var partners = options.GatewayPairs.Where(p => p.Has(gatewayId)).Select(p => p.Other(gatewayId)).ToArray();
        config.Peers = [config.AuthorityId, .. partners];
        if (partners.Length > 0)
        {
            config.AddSensor(PairSensorId, secrets.DeviceKey(gatewayId, PairSensorId));
        }

        // Its emulated sensors 1..M and the real sensor boards of this gateway: one device key each.
        foreach (var sensor in SensorIds(options).Concat(options.BoardSensors.Where(b => b.GatewayId == gatewayId).Select(b => b.SensorId)))
        {
            config.AddSensor(sensor, secrets.DeviceKey(gatewayId, sensor));
        }

        return config;
    }
}
