using System.Net;
using System.Text;
using GatewayQkd.Adapters;
using GatewayQkd.Core.Board;
using GatewayQkd.Emulation.Gateways;
using GatewayQkd.Emulation.Keys;
using GatewayQkd.Emulation.Options;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Emulation.Tests.Gateways;

/// <summary>
/// Issue 15: the settings files gatewayqkd writes for a gateway board and a sensor board, damaged in every way one bit
/// or one cut can damage them: each bit flipped in turn, and the file cut at every offset. The board's own parser
/// must refuse each with its documented FormatException naming the problem (no other exception, no crash), or, where
/// the damage left the settings intact (the check line turned into a comment), read exactly the original settings:
/// never an id, key or limit from damaged bytes.
/// </summary>
public sealed class SettingsFileCorruptionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gatewayqkd-settings-corruption-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Every_Single_Bit_Flip_Of_A_Gateway_Settings_File_Is_Refused_Or_Reads_The_Original_Settings()
    {
        var settings = BoardSettingsFile.ForBoard(Options(), Secrets(), 9, "lab-net", "wifi-pw");
        var text = BoardSettingsFile.Format(settings);
        var accepted = 0;

        foreach (var damaged in BitFlips(text))
        {
            accepted += ReadsOriginalOrRefuses(damaged, t => BoardSettingsFile.Format(Reformat(DeviceSettings.Parse(t), settings)), text) ? 1 : 0;
        }

        Assert.Equal(1, accepted); // line 1's 'c' flipped to '#': the check line became a comment, the rest is intact
    }

    [Fact]
    public void A_Gateway_Settings_File_Cut_At_Any_Offset_Is_Refused()
    {
        var text = BoardSettingsFile.Format(BoardSettingsFile.ForBoard(Options(), Secrets(), 9, "lab-net", "wifi-pw"));

        for (var length = 0; length < text.Length; length++)
        {
            var cut = text[..length];
            var e = Record.Exception(() => DeviceSettings.Parse(cut));
            var refused = Assert.IsType<FormatException>(e);
            Assert.StartsWith("Settings", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_Single_Bit_Flip_Of_A_Sensor_Settings_File_Is_Refused_Or_Reads_The_Original_Settings()
    {
        var text = SensorBoardSettingsFile.Create(Options(), Secrets(), new BoardSensor(9, 101), "lab-net", "wifi-pw");
        var accepted = 0;

        foreach (var damaged in BitFlips(text))
        {
            accepted += ReadsOriginalOrRefuses(damaged, t => Describe(SensorSettings.Parse(t)), text) ? 1 : 0;
        }

        Assert.Equal(1, accepted);
    }

    [Fact]
    public void A_Sensor_Settings_File_Cut_At_Any_Offset_Is_Refused()
    {
        var text = SensorBoardSettingsFile.Create(Options(), Secrets(), new BoardSensor(9, 101), "lab-net", "wifi-pw");

        for (var length = 0; length < text.Length; length++)
        {
            var cut = text[..length];
            Assert.True(Record.Exception(() => SensorSettings.Parse(cut)) is FormatException, $"cut at {length} of {text.Length} was not refused");
        }
    }

    [Fact]
    public void A_File_Written_With_Wifi_Placeholders_Has_No_Check_Line_So_It_Can_Be_Edited()
    {
        var text = BoardSettingsFile.Format(BoardSettingsFile.ForBoard(Options(), Secrets(), 9, null, null));

        Assert.DoesNotContain(SettingsChecksum.Key, text, StringComparison.Ordinal);
        Assert.Equal("lab", DeviceSettings.Parse(text.Replace(BoardSettingsFile.WifiSsidPlaceholder, "lab", StringComparison.Ordinal)).WifiSsid);
    }

    // Each text with one bit flipped, bit by bit over the UTF-8 bytes (the loader decodes the file's bytes as UTF-8).
    private static IEnumerable<string> BitFlips(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var i = 0; i < bytes.Length * 8; i++)
        {
            bytes[i / 8] ^= (byte)(1 << (i % 8));
            yield return Encoding.UTF8.GetString(bytes);
            bytes[i / 8] ^= (byte)(1 << (i % 8));
        }
    }

    // True when the damaged text was read and gave the original settings; false when refused; fails on anything else.
    private static bool ReadsOriginalOrRefuses(string damaged, Func<string, string> read, string original)
    {
        string result;
        try
        {
            result = read(damaged);
        }
        catch (FormatException e)
        {
            Assert.StartsWith("Settings", e.Message, StringComparison.Ordinal);
            return false;
        }

        Assert.Equal(read(original), result);
        return true;
    }

    private static BoardSettings Reformat(DeviceSettings parsed, BoardSettings original) => original with
    {
        Gateway = parsed.Gateway,
        BrokerHost = parsed.BrokerHost,
        BrokerPort = parsed.BrokerPort,
        BrokerUsername = parsed.BrokerUsername,
        BrokerPassword = parsed.BrokerPassword,
        WifiSsid = parsed.WifiSsid,
        WifiPassword = parsed.WifiPassword,
    };

    private static string Describe(SensorSettings s) =>
        $"{s.SensorId} {s.GatewayId} {Convert.ToHexString(s.DeviceKey)} {s.ClientId} {s.TelemetryPeriodMilliseconds} {string.Join(',', s.TelemetryLevels)} " +
        $"{s.Network.WifiSsid} {s.Network.WifiPassword} {s.Network.BrokerHost} {s.Network.BrokerPort} {s.Network.BrokerUsername} {s.Network.BrokerPassword}";

    private static EmulationOptions Options() => new()
    {
        Gateways = 3,
        BoardGateways = [9],
        BoardSensors = [new BoardSensor(9, 101)],
        SensorsPerGateway = 2,
        EmbeddedBrokerAddress = IPAddress.Parse("192.0.2.10"),
        EmbeddedBrokerPort = 1883,
    };

    private RunSecrets Secrets() => RunSecrets.LoadOrCreate(Path.Combine(_folder, "data"), new HostCryptoPrimitives(), new SeededRandomSource(5));
}
