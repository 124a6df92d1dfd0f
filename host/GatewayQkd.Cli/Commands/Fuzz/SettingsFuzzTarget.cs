using GatewayQkd.Core.Board;

namespace GatewayQkd.Cli.Commands.Fuzz;

/// <summary>
/// The gateway's settings parser: mutated settings files into <see cref="DeviceSettings.Parse"/>, half of them a file
/// with its check line (<see cref="SettingsChecksum"/>). Checks: it either parses or refuses with the documented
/// <see cref="FormatException"/>; nothing else escapes; and a mutated file that still starts with its check line is
/// refused unless it reads exactly the original settings (never an id or key from damaged bytes).
/// </summary>
public sealed class SettingsFuzzTarget : FuzzTarget
{
    private const string Valid = """
        # A full settings file (firmware/Device/deploy/gatewayqkd.conf.example)
        wifi.ssid=lab
        wifi.password=secret-pass
        mqtt.host=192.168.1.10
        mqtt.port=1883
        gateway.id=1
        authority.id=0
        link.key=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
        sensor.101=202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f
        sensor.102=404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f
        peers=0
        pool.capacity.bits=5120
        pool.low.bits=1280
        pool.high.bits=4096
        ddka.w=0.5
        slot.ms=1000
        """;

    private static readonly string SealedValid = SettingsChecksum.Seal(Valid);
    private readonly string _original;

    /// <summary>Creates the target; the valid file must parse (else the target itself is broken).</summary>
    public SettingsFuzzTarget() => _original = Fingerprint(DeviceSettings.Parse(SealedValid));

    /// <inheritdoc />
    public override string Name => "settings";

    /// <inheritdoc />
    public override string Description => "mutated gateway settings files into DeviceSettings.Parse";

    /// <inheritdoc />
    public override void RunCase(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var sealedFile = random.Next(2) == 0;
        var text = Mutator.Mutate(sealedFile ? SealedValid : Valid, random);
        DeviceSettings parsed;
        try
        {
            parsed = DeviceSettings.Parse(text);
        }
        catch (FormatException)
        {
            return; // the documented refusal
        }

        if (sealedFile && text.StartsWith(SettingsChecksum.Key + "=", StringComparison.Ordinal) && Fingerprint(parsed) != _original)
        {
            throw new FuzzFailure("a damaged file with its check line was read with different settings");
        }
    }

    // What a gateway would act on: its ids, keys, broker and pool limits.
    private static string Fingerprint(DeviceSettings s)
    {
        var g = s.Gateway;
        var sensors = string.Join(' ', g.SensorIds.Select(id => $"{id}:{Convert.ToHexString(g.DeviceKeyOf(id))}"));
        return FormattableString.Invariant($"{g.GatewayId} {g.AuthorityId} {Convert.ToHexString(g.LinkKey)} {sensors} {string.Join(',', g.Peers)} {g.CapacityBits} {g.LowThresholdBits} {g.HighThresholdBits} {g.TradeOff} {g.SlotMilliseconds} {s.BrokerHost} {s.BrokerPort} {s.WifiSsid} {s.WifiPassword}");
    }
}
