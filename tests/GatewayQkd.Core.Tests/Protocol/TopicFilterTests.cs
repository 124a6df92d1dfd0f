using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Core.Tests.Protocol;

/// <summary>MQTT topic filters (MQTT 5.0 s4.7): + is one level, # the rest.</summary>
public sealed class TopicFilterTests
{
    [Theory]
    [InlineData("a/b", "a/b", true)]
    [InlineData("a/+/c", "a/7/c", true)]
    [InlineData("a/+/c", "a/7/8/c", false)]
    [InlineData("a/#", "a/7/8/c", true)]
    [InlineData("a/#", "a", true)]
    [InlineData("a/b", "a/b/c", false)]
    [InlineData("a/b/c", "a/b", false)]
    public void Plus_Matches_One_Level_And_Hash_The_Rest(string filter, string topic, bool matches)
    {
        Assert.Equal(matches, TopicFilter.Matches(filter, topic));
    }
}
