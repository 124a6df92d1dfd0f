using GatewayQkd.Channel.Network;

namespace GatewayQkd.Channel.Tests.Network;

/// <summary>A trusted relay spends one key bit on each link per relayed bit (DDKA paper s2.3, XOR forwarding).</summary>
public sealed class TrustedRelayTests
{
    [Theory]
    [InlineData(1280.0, 90_000.0, 1280.0)]
    [InlineData(90_000.0, 1280.0, 1280.0)]
    [InlineData(0.0, 5000.0, 0.0)]
    public void Relay_Rate_Is_The_Slower_Link(double first, double second, double expected)
    {
        Assert.Equal(expected, TrustedRelay.KeyRate(first, second));
    }
}
