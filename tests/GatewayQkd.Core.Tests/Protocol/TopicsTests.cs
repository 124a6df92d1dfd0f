using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Tests.Protocol;

/// <summary>The topic scheme builds the documented strings and parses exactly those.</summary>
public sealed class TopicsTests
{
    [Fact]
    public void Builds_The_Documented_Topics()
    {
        Assert.Equal(
            ["qkd/gn/3/blocks", "qkd/gn/3/ack", "qkd/gn/3/req/17", "qkd/gn/3/req/+", "qkd/gn/3/resp/17", "qkd/gn/3/supplement", "qkd/gn/3/status", "qkd/cs/telemetry/3/17"],
            new[] { Topics.Blocks(3), Topics.Ack(3), Topics.Request(3, 17), Topics.RequestFilter(3), Topics.Response(3, 17), Topics.Supplement(3), Topics.Status(3), Topics.Telemetry(3, 17) });
    }

    [Fact]
    public void Authority_Filters_Cover_Every_Upstream_Topic_Of_Any_Gateway()
    {
        Assert.Equal(["qkd/gn/+/ack", "qkd/gn/+/supplement", "qkd/gn/+/status", "qkd/gn/+/resync"], Topics.AuthorityFilters());
        Assert.Equal("qkd/cs/telemetry/#", Topics.TelemetryFilter);
    }

    [Theory]
    [InlineData("qkd/gn/3/blocks", TopicKind.Blocks, 3, 0)]
    [InlineData("qkd/gn/65535/ack", TopicKind.Ack, 65535, 0)]
    [InlineData("qkd/gn/3/req/17", TopicKind.Request, 3, 17)]
    [InlineData("qkd/gn/0/resp/0", TopicKind.Response, 0, 0)]
    [InlineData("qkd/gn/12/supplement", TopicKind.Supplement, 12, 0)]
    [InlineData("qkd/gn/12/status", TopicKind.Status, 12, 0)]
    [InlineData("qkd/cs/telemetry/4/5", TopicKind.Telemetry, 4, 5)]
    public void Parses_Its_Own_Topics(string topic, TopicKind kind, int gateway, int sensor)
    {
        var parsed = Topics.Parse(topic);

        Assert.NotNull(parsed);
        Assert.Equal((kind, (ushort)gateway, (ushort)sensor), (parsed.Kind, parsed.GatewayId, parsed.SensorId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("qkd/gn/3")]
    [InlineData("qkd/gn/03/blocks")]
    [InlineData("qkd/gn/65536/blocks")]
    [InlineData("qkd/gn/-1/blocks")]
    [InlineData("qkd/gn/3/blocks/extra")]
    [InlineData("qkd/gn/3/req/")]
    [InlineData("qkd/gn/3/req/+")]
    [InlineData("qkd/gn/3/unknown")]
    [InlineData("qkd/cs/telemetry/4")]
    [InlineData("other/gn/3/blocks")]
    public void Rejects_Topics_Outside_The_Scheme(string topic)
    {
        Assert.Null(Topics.Parse(topic));
    }
}
