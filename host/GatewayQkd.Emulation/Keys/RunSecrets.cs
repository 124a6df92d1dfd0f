using System.Text;
using GatewayQkd.Core.Crypto;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Emulation.Keys;

/// <summary>
/// The pre-shared keys of an emulated deployment: each gateway's link key with the HAP/CS and each sensor's device
/// key, derived with HKDF-SHA256 (RFC 5869) from one 32-byte master secret kept in the data folder. A restart reads
/// the same file, so every node gets its keys back; `emulate --board-config` writes a real board's keys from it.
/// </summary>
public sealed class RunSecrets
{
    /// <summary>The master secret's file name inside the data folder.</summary>
    public const string FileName = "master-secret.bin";

    private const int KeyLength = 32;
    private readonly byte[] _master;
    private readonly Hkdf _hkdf;

    private RunSecrets(byte[] master, ICryptoPrimitives crypto)
    {
        _master = master;
        _hkdf = new Hkdf(crypto);
    }

    /// <summary>
    /// Reads the master secret from <paramref name="dataFolder"/>, or creates it there from <paramref name="random"/>
    /// on the first run. A file of the wrong size is an error (guessing would give every node new keys).
    /// </summary>
    public static RunSecrets LoadOrCreate(string dataFolder, ICryptoPrimitives crypto, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(crypto);
        ArgumentNullException.ThrowIfNull(random);
        Directory.CreateDirectory(dataFolder);
        var path = Path.Combine(dataFolder, FileName);
        if (File.Exists(path))
        {
            var stored = File.ReadAllBytes(path);
            if (stored.Length != KeyLength)
            {
                throw new InvalidDataException($"'{path}' holds {stored.Length} bytes, expected a {KeyLength}-byte master secret; delete the data folder to start a new deployment.");
            }

            return new RunSecrets(stored, crypto);
        }

        var master = new byte[KeyLength];
        random.NextBytes(master);
        File.WriteAllBytes(path, master);
        return new RunSecrets(master, crypto);
    }

    /// <summary>Returns the 32-byte link key gateway <paramref name="gatewayId"/> shares with the HAP/CS.</summary>
    public byte[] LinkKey(ushort gatewayId) => Derive($"GatewayQkd emulation link key gn {gatewayId}");

    /// <summary>Returns the 32-byte device key of sensor <paramref name="sensorId"/> at gateway <paramref name="gatewayId"/>.</summary>
    public byte[] DeviceKey(ushort gatewayId, ushort sensorId) => Derive($"GatewayQkd emulation device key gn {gatewayId} sensor {sensorId}");

    /// <summary>
    /// Returns gateway <paramref name="gatewayId"/>'s MQTT password at a Mosquitto set up by `emulate --mosquitto-config`
    /// (32 hex digits, 128 bits), so the password file and the board's settings agree without storing it anywhere.
    /// </summary>
    public string BrokerPassword(ushort gatewayId) => Hex.Encode(Derive($"GatewayQkd emulation broker password gn {gatewayId}"))[..32];

    private byte[] Derive(string label) => _hkdf.Expand(_master, Encoding.UTF8.GetBytes(label), KeyLength);
}
