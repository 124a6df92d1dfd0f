using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using GatewayQkd.Cli.Commands;
using GatewayQkd.Cli.Tests.Emulate;
using GatewayQkd.Core.Board;
using GatewayQkd.Core.Gateway;
using GatewayQkd.Emulation.Broker;

namespace GatewayQkd.Cli.Tests.Guide;

/// <summary>
/// hardware/bench-guide.md as a user follows it: every `gatewayqkd` command parses with the program's own parser, the
/// ones that write files run and their files work (the board's parser reads the settings, a real Mosquitto starts with
/// the configuration and logs the board in with the settings' password), the nanoff lines use the pinned nanoff's
/// verbs and keywords, and the settings table matches the parser's keys and the firmware's defaults.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class BenchGuideTests : IDisposable
{
    private const string WifiPassword = "the-wifi-password";
    private const string BrokerPassword = "the-emulators-broker-password";
    private readonly string _folder = Directory.CreateTempSubdirectory("gatewayqkd-bench-guide-").FullName;

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(EmulateCommandVariables.Wifi, null);
        Environment.SetEnvironmentVariable(EmulateCommandVariables.Broker, null);
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Every_Gatewayqkd_Command_Parses_With_The_Programs_Own_Parser()
    {
        var commands = BenchGuide.CommandsOf("gatewayqkd");

        Assert.True(commands.Count >= 7, $"only {commands.Count} gatewayqkd commands found");
        foreach (var words in commands)
        {
            var parse = GatewayQkdRootCommand.Create().Parse(words[1..]);
            Assert.True(parse.Errors.Count == 0, $"`{string.Join(' ', words)}`: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
        }
    }

    [Fact]
    public async Task The_Board_Config_Commands_Write_Files_The_Board_Parser_Reads()
    {
        Environment.SetEnvironmentVariable(EmulateCommandVariables.Wifi, WifiPassword);
        var commands = Runnable("--board-config");
        Assert.Equal(2, commands.Count); // the embedded-broker route (step 5) and the Mosquitto route (step 6)

        foreach (var words in commands)
        {
            var (exit, output, error) = await EmulationCommandRunner.RunAsync(words);
            Assert.True(exit == 0, $"`{string.Join(' ', words)}`: {error}");
            var settings = DeviceSettings.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "data", "board-gn-9", "gatewayqkd.conf")));
            Assert.Equal(("lab-net", WifiPassword, (ushort)9), (settings.WifiSsid, settings.WifiPassword, settings.Gateway.GatewayId));
            Assert.Equal(1883, settings.BrokerPort);
            Assert.Contains("nanoff deploy file ", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_Mosquitto_Configuration_Starts_And_Logs_The_Board_In_With_Its_Settings_Password()
    {
        Environment.SetEnvironmentVariable(EmulateCommandVariables.Broker, BrokerPassword);
        Environment.SetEnvironmentVariable(EmulateCommandVariables.Wifi, WifiPassword);
        foreach (var words in Runnable("--mosquitto-config").Concat(Runnable("--board-config").Where(w => w.Contains("--broker"))))
        {
            var (exit, _, error) = await EmulationCommandRunner.RunAsync(words);
            Assert.True(exit == 0, $"`{string.Join(' ', words)}`: {error}");
        }

        var settings = DeviceSettings.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "data", "board-gn-9", "gatewayqkd.conf")));
        var config = Path.Combine(_folder, "mosquitto", "mosquitto.conf");
        var port = FreeTcpPort.Find();
        // The guide's listener is port 1883 on every interface; the test moves it to a free loopback port.
        var text = (await File.ReadAllTextAsync(config)).Replace("listener 1883\n", $"listener {port} 127.0.0.1\n", StringComparison.Ordinal);
        Assert.Contains($"listener {port} 127.0.0.1\n", text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(config, text + (Environment.UserName == "root" ? "user root\n" : string.Empty));
        await using var mosquitto = await MosquittoProcess.StartWithConfigAsync(config, port);

        await using var board = new Emulation.Bus.MqttMessageBus(mosquitto.Endpoint with { Username = settings.BrokerUsername, Password = settings.BrokerPassword }, settings.ClientId, (_, _) => { }, new Emulation.Logging.RunLog());
        await using var emulator = new Emulation.Bus.MqttMessageBus(mosquitto.Endpoint with { Username = "gatewayqkd", Password = BrokerPassword }, "emulator", (_, _) => { }, new Emulation.Logging.RunLog());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await board.ConnectAsync(timeout.Token);
        await emulator.ConnectAsync(timeout.Token);

        Assert.Equal("gn-9", settings.BrokerUsername);
        Assert.True(board.IsConnected && emulator.IsConnected);
    }

    [Fact]
    public void Every_Nanoff_Line_Uses_A_Verb_And_Keywords_Of_The_Pinned_Nanoff()
    {
        var lines = BenchGuide.CommandsOf("nanoff");

        Assert.True(lines.Count >= 6, $"only {lines.Count} nanoff lines found");
        foreach (var words in lines)
        {
            Assert.True(PinnedNanoff.Keywords.TryGetValue(words[1], out var keywords), $"`{string.Join(' ', words)}`: '{words[1]}' is not a verb of nanoff {PinnedNanoff.Version}");
            for (var i = 2; i < words.Length; i++)
            {
                Assert.True(keywords.TryGetValue(words[i], out var takesValue), $"`{string.Join(' ', words)}`: '{words[i]}' is not a keyword of `nanoff {words[1]}`");
                i += takesValue ? 1 : 0;
            }
        }
    }

    [Fact]
    public void The_Nanoff_Install_Line_Installs_The_Pinned_Version()
    {
        var installs = BenchGuide.CommandsOf("dotnet").Where(w => w.Contains("nanoff")).ToList();

        Assert.NotEmpty(installs);
        Assert.All(installs, w => Assert.Equal(PinnedNanoff.Version, w[Array.IndexOf(w, "--version") + 1]));
        Assert.Contains($"**{PinnedNanoff.Version}**", BenchGuide.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Settings_Table_Lists_Exactly_The_Parsers_Keys()
    {
        var keys = BenchGuide.Table("Key").SelectMany(row => Regex.Matches(row[0], "`([^`]+)`").Select(m => m.Groups[1].Value)).ToList();

        Assert.Equal(SettingsKeys.All().Append(SettingsKeys.SensorPrefix + "<id>").Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_Settings_Table_Gives_The_Firmwares_Defaults()
    {
        var d = new GatewayConfig();
        var rows = BenchGuide.Table("Key");

        Assert.Equal(Numbers(d.CapacityBits, d.MaxBlocks, d.LowThresholdBits, d.HighThresholdBits), rows.Single(r => r[0].StartsWith("`pool.capacity.bits`", StringComparison.Ordinal))[3]);
        Assert.Equal(Numbers(d.TradeOff, d.SlotMilliseconds, d.QueueCapacity, d.RequestDeadlineMilliseconds, d.SupplementRetryMilliseconds, d.StatusIntervalMilliseconds, d.CounterChunk), rows.Single(r => r[0].StartsWith("`ddka.w`", StringComparison.Ordinal))[3]);
        Assert.Equal(Numbers(d.AuthorityId), rows.Single(r => r[0] == "`authority.id`")[3]);
        Assert.Contains($"port {DeviceSettings.Parse("wifi.ssid=a\nmqtt.host=b\ngateway.id=1\nlink.key=" + new string('0', 64) + "\nsensor.1=" + new string('0', 64)).BrokerPort}", rows.Single(r => r[0].StartsWith("`mqtt.host`", StringComparison.Ordinal))[3], StringComparison.Ordinal);
    }

    [Fact]
    public void The_Guide_Names_No_Option_The_Program_Lacks()
    {
        var emulate = EmulateCommand().Options.SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet();

        foreach (Match m in Regex.Matches(BenchGuide.Text, @"`emulate (--[a-z-]+)"))
        {
            Assert.Contains(m.Groups[1].Value, emulate);
        }

        Assert.DoesNotContain("--board-gateways", BenchGuide.Text, StringComparison.Ordinal);
    }

    private static Command EmulateCommand() => GatewayQkdRootCommand.Create().Subcommands.Single(c => c.Name == "emulate");

    private static string Numbers(params double[] values) => string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The guide's Linux (sh) gatewayqkd commands holding <paramref name="option"/>, with its out/bench folder moved to the test's folder.</summary>
    private List<string[]> Runnable(string option) =>
        [.. BenchGuide.CommandsOf("gatewayqkd", "sh").Where(w => w.Contains(option)).Select(w => w[1..].Select(a => a.Replace("out/bench", _folder, StringComparison.Ordinal)).ToArray())];
}
