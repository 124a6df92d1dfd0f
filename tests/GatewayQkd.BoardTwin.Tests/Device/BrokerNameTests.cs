using GatewayQkd.BoardTwin.Tests.Support;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Gateways;

namespace GatewayQkd.BoardTwin.Tests.Device;

/// <summary>
/// Issue 10 item 5: M2Mqtt resolves the broker's name in its constructor and throws when it does not resolve
/// (MqttNetworkChannel.cs:120-135). The firmware creates the client inside its retried connect, so a name that does
/// not resolve (yet) is a log line and a retry with backoff, not a dead board.
/// </summary>
[Collection(BoardCollection.Name)]
public sealed class BrokerNameTests
{
    [Fact]
    public async Task An_Unresolvable_Broker_Name_Is_Logged_And_Retried_With_Backoff_And_The_Board_Keeps_Running()
    {
        using var drive = new TwinDrive(new BrokerEndpoint { Host = "gatewayqkd-broker.invalid", Port = 1883 });
        await using var twin = BoardTwinProcess.Start(TwinDrive.GatewayId, drive.Path, new NullLog());

        Assert.True(
            await Eventually.TrueAsync(() => twin.Lines.Any(l => l.EndsWith("MQTT: attempt 2 failed; next in 2000 ms.", StringComparison.Ordinal)), 15),
            "no second attempt after a backoff:\n" + string.Join("\n", twin.Lines));
        Assert.Equal(2, twin.Lines.Count(l => l.Contains("MQTT: cannot resolve broker host 'gatewayqkd-broker.invalid'", StringComparison.Ordinal)));
        Assert.False(twin.HasExited);
    }
}
