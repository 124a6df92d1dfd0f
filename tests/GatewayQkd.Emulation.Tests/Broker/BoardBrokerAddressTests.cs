using System.Net;
using GatewayQkd.Emulation.Broker;

namespace GatewayQkd.Emulation.Tests.Broker;

/// <summary>What `emulate` and `demo` tell a board about the broker, and how --listen is read.</summary>
public sealed class BoardBrokerAddressTests
{
    [Theory]
    [InlineData("0.0.0.0:1883", "0.0.0.0", 1883)]
    [InlineData("192.168.1.10:0", "192.168.1.10", 0)]
    [InlineData("[::]:1883", "::", 1883)]
    public void Listen_Addresses_Parse(string text, string address, int port)
    {
        var listen = ListenEndpoint.Parse(text);

        Assert.Equal(IPAddress.Parse(address), listen.Address);
        Assert.Equal(port, listen.Port);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("lab-pc:1883")]
    [InlineData("0.0.0.0:70000")]
    [InlineData("0.0.0.0:-1")]
    [InlineData(":::1883")]
    public void Bad_Listen_Addresses_Are_Refused(string text)
    {
        Assert.Throws<FormatException>(() => ListenEndpoint.Parse(text));
    }

    [Fact]
    public void A_Loopback_Broker_Is_Named_Unreachable_With_The_Fix()
    {
        var line = BoardBrokerAddress.Describe(new ListenEndpoint(IPAddress.Loopback, 4000), null);

        Assert.Null(BoardBrokerAddress.Find(new ListenEndpoint(IPAddress.Loopback, 4000), null));
        Assert.Contains("--listen 0.0.0.0:1883", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Specific_Address_Is_What_A_Board_Uses()
    {
        var line = BoardBrokerAddress.Describe(new ListenEndpoint(IPAddress.Parse("10.1.2.3"), 1883), null);

        Assert.Contains("mqtt.host=10.1.2.3, mqtt.port=1883", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_External_Broker_On_The_Lan_Is_Passed_On_And_One_On_Loopback_Is_Not()
    {
        Assert.Equal(("192.168.1.20", 1883), BoardBrokerAddress.Find(null, new BrokerEndpoint { Host = "192.168.1.20", Port = 1883 }));
        Assert.Null(BoardBrokerAddress.Find(null, new BrokerEndpoint { Host = "127.0.0.1", Port = 1883 }));
    }
}
