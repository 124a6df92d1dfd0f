using System.Net;
using System.Text;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Tests.Bus;
using GatewayQkd.Emulation.Tests.Support;

namespace GatewayQkd.Emulation.Tests.Broker;

/// <summary>
/// The embedded broker as a board on the LAN sees it: a client in another network namespace (a veth pair with
/// 198.18.0.0/15 addresses, made and removed by the test) publishes with mosquitto_pub to this side's address. Needs
/// root, iproute2 and mosquitto-clients (scripts/test.sh installs them); without them these tests fail, naming what is missing.
/// </summary>
public sealed class LanListenTests
{
    [Fact]
    public async Task A_Client_On_The_Lan_Reaches_The_Broker_Listening_On_Every_Interface()
    {
        using var lan = NetworkNamespace.Create();
        await using var broker = await EmbeddedBroker.StartAsync(new ListenEndpoint(IPAddress.Any, 0));
        var inbox = new MessageInbox();
        await using var receiver = await MqttMessageBusTests.ConnectAsync(broker.Endpoint, "rx", inbox);
        receiver.Subscribe("probe/lan");
        Assert.True(await receiver.FlushAsync(TimeSpan.FromSeconds(10)));

        var (exit, output) = await PublishFromLanAsync(lan, lan.HostAddress, broker.Port);

        Assert.True(exit == 0, $"mosquitto_pub in the namespace failed ({exit}): {output}");
        Assert.True(await inbox.WaitForAsync(1), "the broker never delivered the LAN client's message");
        Assert.Equal("hello from the LAN", Encoding.UTF8.GetString(inbox.Messages[0].Payload));
    }

    [Fact]
    public async Task A_Broker_Listening_On_Loopback_Is_Out_Of_Reach_Of_The_Lan()
    {
        using var lan = NetworkNamespace.Create();
        await using var broker = await EmbeddedBroker.StartAsync();

        var (exit, _) = await PublishFromLanAsync(lan, lan.HostAddress, broker.Port);

        Assert.NotEqual(0, exit);
    }

    [Fact]
    public async Task A_Broker_Listening_On_One_Lan_Address_Serves_It_And_Names_It_For_Boards()
    {
        using var lan = NetworkNamespace.Create();
        await using var broker = await EmbeddedBroker.StartAsync(new ListenEndpoint(lan.HostAddress, 0));

        var (exit, output) = await PublishFromLanAsync(lan, lan.HostAddress, broker.Port);

        Assert.True(exit == 0, $"mosquitto_pub in the namespace failed ({exit}): {output}");
        Assert.Equal((lan.HostAddress.ToString(), broker.Port), BoardBrokerAddress.Find(broker.Listen, null));
    }

    [Fact]
    public void The_Lan_Candidates_Hold_The_Lan_Address_And_Never_Loopback()
    {
        using var lan = NetworkNamespace.Create();

        var candidates = LanAddress.Candidates();

        Assert.Contains(lan.HostAddress, candidates);
        Assert.DoesNotContain(candidates, IPAddress.IsLoopback);
        Assert.NotNull(LanAddress.ForBoards(new ListenEndpoint(IPAddress.Any, 1883)));
    }

    private static Task<(int ExitCode, string Output)> PublishFromLanAsync(NetworkNamespace lan, IPAddress broker, int port) =>
        lan.RunInsideAsync("mosquitto_pub", "-h", broker.ToString(), "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-i", "lan-board", "-q", "1", "-t", "probe/lan", "-m", "hello from the LAN");
}
