using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Bus;

namespace GatewayQkd.Emulation.Tests.Bus;

/// <summary>The MQTTnet client options every emulated gateway, sensor and the central server connect with.</summary>
public sealed class MqttClientOptionsFactoryTests
{
    [Fact]
    public void Sends_Each_Packet_In_One_Write_Not_Header_And_Payload_Apart()
    {
        var options = MqttClientOptionsFactory.Create(new BrokerEndpoint { Host = "127.0.0.1", Port = 1883 }, "gn-1");

        Assert.False(options.AllowPacketFragmentation);
    }
}
