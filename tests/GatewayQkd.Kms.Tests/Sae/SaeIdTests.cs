using GatewayQkd.Kms.Sae;

namespace GatewayQkd.Kms.Tests.Sae;

public sealed class SaeIdTests
{
    [Theory]
    [InlineData("cs", 0)]
    [InlineData("gn-1", 1)]
    [InlineData("gn-65535", 65535)]
    public void Parses_Central_Server_And_Gateway_Names(string sae, int node)
    {
        Assert.True(SaeId.TryParse(sae, out var parsed));
        Assert.Equal(node, parsed);
    }

    [Theory]
    [InlineData("CS")]
    [InlineData("GN-1")]
    [InlineData("gn-0")]
    [InlineData("gn-07")]
    [InlineData("gn-65536")]
    [InlineData("gn-")]
    [InlineData("gn-+7")]
    [InlineData("gn- 7")]
    [InlineData("gateway-7")]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_Anything_But_The_Exact_Names(string? sae)
    {
        Assert.False(SaeId.TryParse(sae, out _));
    }

    [Theory]
    [InlineData(0, "cs", "kme-cs")]
    [InlineData(42, "gn-42", "kme-gn-42")]
    public void Names_Nodes_And_Their_Kmes(int node, string sae, string kme)
    {
        Assert.Equal(sae, SaeId.ForNode((ushort)node));
        Assert.Equal(kme, SaeId.KmeForNode((ushort)node));
    }
}
