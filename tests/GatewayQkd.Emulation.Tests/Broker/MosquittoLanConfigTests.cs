using System.Net;
using GatewayQkd.Core.Protocol;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Emulation.Tests.Bus;
using GatewayQkd.Emulation.Tests.Support;

namespace GatewayQkd.Emulation.Tests.Broker;

/// <summary>
/// The Mosquitto LAN configuration of `emulate --mosquitto-config` (hardware/bench-guide.md), started by a real
/// Mosquitto: its password hashes log users in, its ACL keeps each board to its own gateway's topics, and the
/// emulator runs through it. These tests FAIL (not skip) when the mosquitto binary is missing: scripts/test.sh installs it.
/// </summary>
public sealed class MosquittoLanConfigTests : IDisposable
{
    private const string EmulatorPassword = "emulator-pw-1";
    private const string BoardPassword = "board-pw-9";
    private readonly string _folder = Directory.CreateTempSubdirectory("gatewayqkd-mosquitto-lan-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Mosquitto_Logs_In_The_Emulator_And_The_Board_With_The_Written_Passwords()
    {
        await using var mosquitto = await StartAsync();

        await using var emulator = await MqttMessageBusTests.ConnectAsync(Login(mosquitto, "gatewayqkd", EmulatorPassword), "emulator", new MessageInbox());
        await using var board = await MqttMessageBusTests.ConnectAsync(Login(mosquitto, "gn-9", BoardPassword), "gatewayqkd-gn-9", new MessageInbox());

        Assert.True(emulator.IsConnected);
        Assert.True(board.IsConnected);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("gn-9", "wrong")]
    [InlineData("gn-9", EmulatorPassword)]
    public async Task Mosquitto_Refuses_Anonymous_Clients_And_Wrong_Passwords(string? user, string? password)
    {
        await using var mosquitto = await StartAsync();
        await using var bus = new Emulation.Bus.MqttMessageBus(Login(mosquitto, user, password), "intruder", (_, _) => { }, new ListLog());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bus.ConnectAsync(timeout.Token));

        Assert.Contains("refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Board_Receives_Only_Its_Own_Gateways_Blocks()
    {
        await using var mosquitto = await StartAsync();
        var boardInbox = new MessageInbox();
        await using var board = await MqttMessageBusTests.ConnectAsync(Login(mosquitto, "gn-9", BoardPassword), "gatewayqkd-gn-9", boardInbox);
        board.Subscribe(Topics.Blocks(1));
        board.Subscribe(Topics.Blocks(9));
        Assert.True(await board.FlushAsync(TimeSpan.FromSeconds(10)));
        await using var emulator = await MqttMessageBusTests.ConnectAsync(Login(mosquitto, "gatewayqkd", EmulatorPassword), "emulator", new MessageInbox());

        emulator.Publish(Topics.Blocks(1), [1]);
        emulator.Publish(Topics.Blocks(9), [9]);

        Assert.True(await boardInbox.WaitForAsync(1));
        Assert.True(await Eventually.StableAsync(() => boardInbox.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([Topics.Blocks(9)], boardInbox.Messages.Select(m => m.Topic));
    }

    [Fact]
    public async Task A_Board_Cannot_Speak_For_Another_Gateway()
    {
        await using var mosquitto = await StartAsync();
        var emulatorInbox = new MessageInbox();
        await using var emulator = await MqttMessageBusTests.ConnectAsync(Login(mosquitto, "gatewayqkd", EmulatorPassword), "emulator", emulatorInbox);
        emulator.Subscribe(Topics.GatewayPrefix + "#");
        Assert.True(await emulator.FlushAsync(TimeSpan.FromSeconds(10)));
        await using var board = await MqttMessageBusTests.ConnectAsync(Login(mosquitto, "gn-9", BoardPassword), "gatewayqkd-gn-9", new MessageInbox());

        board.Publish(Topics.Ack(1), [1]);
        board.Publish(Topics.Response(1, 2), [1]);
        board.Publish(Topics.Ack(9), [9]);
        board.Publish(Topics.Response(9, 2), [9]);
        board.Publish(Topics.Status(9) + "/online", [9]);

        Assert.True(await emulatorInbox.WaitForAsync(3));
        Assert.True(await Eventually.StableAsync(() => emulatorInbox.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        string[] allowed = [Topics.Ack(9), Topics.Response(9, 2), Topics.Status(9) + "/online"];
        Assert.Equal(allowed.Order(StringComparer.Ordinal), emulatorInbox.Messages.Select(m => m.Topic).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_Emulator_Runs_Through_It_With_Its_User()
    {
        await using var mosquitto = await StartAsync();
        using var run = new RunFolder();
        var options = run.Options(gateways: 1, seconds: 2) with { ExternalBroker = Login(mosquitto, "gatewayqkd", EmulatorPassword) };
        await using var emulation = await run.StartAsync(options);

        var report = await emulation.RunAsync();

        Assert.True(report.Counter(RunCounter.TelemetryVerified) > 0, string.Join("\n", emulation.Log.Recent()));
    }

    [Fact]
    public void Refuses_A_Listener_Without_A_Fixed_Port()
    {
        Assert.Throws<ArgumentException>(() => MosquittoLanConfig.Write(_folder, new ListenEndpoint(IPAddress.Any, 0), "gatewayqkd", EmulatorPassword, []));
    }

    private static BrokerEndpoint Login(MosquittoProcess mosquitto, string? user, string? password) =>
        mosquitto.Endpoint with { Username = user, Password = password };

    private async Task<MosquittoProcess> StartAsync()
    {
        var port = FreeTcpPort.Find();
        var config = MosquittoLanConfig.Write(_folder, new ListenEndpoint(IPAddress.Loopback, port), "gatewayqkd", EmulatorPassword, [(9, "gn-9", BoardPassword)]);
        if (Environment.UserName == "root")
        {
            // As root, Mosquitto would drop to user "mosquitto", who cannot read this test's private temp folder.
            await File.AppendAllTextAsync(config, "user root\n");
        }

        return await MosquittoProcess.StartWithConfigAsync(config, port);
    }
}
