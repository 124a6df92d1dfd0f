using System.Text;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Bus;
using GatewayQkd.Emulation.Tests.Support;

namespace GatewayQkd.Emulation.Tests.Bus;

/// <summary>The MQTTnet adapter of the core's message bus port, against the embedded broker.</summary>
public sealed class MqttMessageBusTests
{
    [Fact]
    public async Task Delivers_Published_Bytes_To_A_Subscriber()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var inbox = new MessageInbox();
        await using var receiver = await ConnectAsync(broker.Endpoint, "rx", inbox);
        receiver.Subscribe("t/+/x");
        Assert.True(await receiver.FlushAsync(TimeSpan.FromSeconds(10)));
        await using var sender = await ConnectAsync(broker.Endpoint, "tx", new MessageInbox());

        sender.Publish("t/7/x", [1, 2, 3]);

        Assert.True(await inbox.WaitForAsync(1));
        Assert.Equal("t/7/x", inbox.Messages[0].Topic);
        Assert.Equal(new byte[] { 1, 2, 3 }, inbox.Messages[0].Payload);
    }

    [Fact]
    public async Task Counts_Each_Acknowledged_Message_By_Its_Topic_Kind()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        await using var sender = await ConnectAsync(broker.Endpoint, "tx", new MessageInbox());

        sender.Publish(Core.Protocol.Topics.Status(3), [1]);
        sender.Publish(Core.Protocol.Topics.Request(3, 1), [2]);
        sender.Publish(Core.Protocol.Topics.Request(3, 2), [3]);
        sender.Publish("bench/raw/0", [4]);
        Assert.True(await sender.FlushAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal(4, sender.Statistics.Published);
        Assert.Equal(1, sender.Statistics.PublishedOf(Core.Protocol.TopicKind.Status));
        Assert.Equal(2, sender.Statistics.PublishedOf(Core.Protocol.TopicKind.Request));
        Assert.Equal(0, sender.Statistics.PublishedOf(Core.Protocol.TopicKind.Response));
        Assert.Equal(1, sender.Statistics.PublishedOf(Core.Protocol.TopicKind.Unknown)); // outside the topic scheme
    }

    [Fact]
    public async Task Counts_A_Message_The_Broker_Delivered_To_No_Subscriber_As_Unrouted()
    {
        await using var broker = await EmbeddedBroker.StartAsync();

        await AssertCountsUnroutedAsync(broker.Endpoint);
    }

    [Fact]
    public async Task Keeps_Publish_Order_Of_One_Client()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var inbox = new MessageInbox();
        await using var receiver = await ConnectAsync(broker.Endpoint, "rx", inbox);
        receiver.Subscribe("seq");
        Assert.True(await receiver.FlushAsync(TimeSpan.FromSeconds(10)));
        await using var sender = await ConnectAsync(broker.Endpoint, "tx", new MessageInbox());

        for (var i = 0; i < 200; i++)
        {
            sender.Publish("seq", BitConverter.GetBytes(i));
        }

        Assert.True(await inbox.WaitForAsync(200));
        Assert.Equal(Enumerable.Range(0, 200), inbox.Messages.Select(m => BitConverter.ToInt32(m.Payload)));
    }

    [Fact]
    public async Task Refuses_A_Client_With_Wrong_Credentials_At_A_Broker_That_Needs_Them()
    {
        await using var broker = await EmbeddedBroker.StartAsync(username: "hap", password: "s3cret");
        var wrong = broker.Endpoint with { Password = "guess" };
        await using var bus = new MqttMessageBus(wrong, "intruder", (_, _) => { }, new ListLog());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bus.ConnectAsync(timeout.Token));
        Assert.Contains("refused", error.Message, StringComparison.Ordinal);

        Assert.True(broker.RejectedLogins > 0);
        Assert.False(bus.IsConnected);
    }

    [Fact]
    public async Task Resubscribes_After_A_Broker_Restart()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var inbox = new MessageInbox();
        await using var receiver = await ConnectAsync(broker.Endpoint, "rx", inbox);
        receiver.Subscribe("after");
        Assert.True(await receiver.FlushAsync(TimeSpan.FromSeconds(10)));
        await using var sender = await ConnectAsync(broker.Endpoint, "tx", new MessageInbox());

        await broker.StopAsync();
        await broker.RestartAsync();
        Assert.True(await Eventually.TrueAsync(() => receiver.Statistics.Reconnects >= 1 && receiver.IsConnected && receiver.Pending == 0));
        sender.Publish("after", Encoding.ASCII.GetBytes("hello again"));

        Assert.True(await inbox.WaitForAsync(1), "nothing arrived after the broker restart");
        Assert.Equal("hello again", Encoding.ASCII.GetString(inbox.Messages[0].Payload));
    }

    [Fact]
    public async Task Holds_Messages_Published_While_The_Broker_Is_Down_Until_It_Acknowledges_Them()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        await using var sender = await ConnectAsync(broker.Endpoint, "tx", new MessageInbox());
        await broker.StopAsync();
        Assert.True(await Eventually.TrueAsync(() => !sender.IsConnected));

        sender.Publish("later", [1]);
        sender.Publish("later", [2]);
        await Task.Delay(200);
        var pendingWhileDown = sender.Pending;
        await broker.RestartAsync();

        Assert.Equal(2, pendingWhileDown);
        Assert.True(await sender.FlushAsync(TimeSpan.FromSeconds(15)));
        Assert.Equal(2, sender.Statistics.Published);
    }

    [Fact]
    public async Task Refuses_An_Oversized_Inbound_Message_And_Counts_It()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var inbox = new MessageInbox();
        await using var receiver = await ConnectAsync(broker.Endpoint, "rx", inbox);
        receiver.Subscribe("big");
        Assert.True(await receiver.FlushAsync(TimeSpan.FromSeconds(10)));
        await using var sender = await ConnectAsync(broker.Endpoint, "tx", new MessageInbox());

        sender.Publish("big", new byte[MqttMessageBus.MaxPayloadBytes + 1]);
        sender.Publish("big", [42]);

        Assert.True(await inbox.WaitForAsync(1));
        Assert.Equal(new byte[] { 42 }, Assert.Single(inbox.Messages).Payload);
        Assert.Equal(1, receiver.Statistics.Dropped);
    }

    [Fact]
    public async Task A_Refused_Subscription_Is_Logged_And_Counted_Not_Retried_As_A_Lost_Connection()
    {
        var port = FreeTcpPort.Find(System.Net.IPAddress.Loopback);
        var options = new MQTTnet.Server.MqttServerOptionsBuilder().WithDefaultEndpoint().WithDefaultEndpointBoundIPAddress(System.Net.IPAddress.Loopback).WithDefaultEndpointPort(port).Build();
        using var server = new MQTTnet.Server.MqttServerFactory().CreateMqttServer(options);
        server.InterceptingSubscriptionAsync += e =>
        {
            e.ProcessSubscription = false;
            e.Response.ReasonCode = MQTTnet.Protocol.MqttSubscribeReasonCode.NotAuthorized;
            return Task.CompletedTask;
        };
        await server.StartAsync();
        var log = new ListLog();
        await using var bus = new MqttMessageBus(new BrokerEndpoint { Host = "127.0.0.1", Port = port }, "acl", (_, _) => { }, log);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await bus.ConnectAsync(timeout.Token);

        bus.Subscribe("forbidden/topic");

        Assert.True(await bus.FlushAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, bus.Statistics.RefusedSubscriptions);
        Assert.Contains(log.Lines, l => l.StartsWith("Error:", StringComparison.Ordinal) && l.Contains("refused the subscription to 'forbidden/topic'", StringComparison.Ordinal));
        await server.StopAsync(new MQTTnet.Server.MqttServerStopOptionsBuilder().Build());
    }

    [Fact]
    public async Task A_Subscription_The_Broker_Failed_Without_A_Reason_Is_Tried_Again_Until_Granted()
    {
        // what NATS answers (MQTT 3.1.1's 0x80) when JetStream could not create the session's consumer in time
        var port = FreeTcpPort.Find(System.Net.IPAddress.Loopback);
        var options = new MQTTnet.Server.MqttServerOptionsBuilder().WithDefaultEndpoint().WithDefaultEndpointBoundIPAddress(System.Net.IPAddress.Loopback).WithDefaultEndpointPort(port).Build();
        using var server = new MQTTnet.Server.MqttServerFactory().CreateMqttServer(options);
        var failures = 2;
        server.InterceptingSubscriptionAsync += e =>
        {
            if (Interlocked.Decrement(ref failures) >= 0)
            {
                e.ProcessSubscription = false;
                e.Response.ReasonCode = MQTTnet.Protocol.MqttSubscribeReasonCode.UnspecifiedError;
            }

            return Task.CompletedTask;
        };
        await server.StartAsync();
        var endpoint = new BrokerEndpoint { Host = "127.0.0.1", Port = port };
        var inbox = new MessageInbox();
        await using var receiver = await ConnectAsync(endpoint, "retried", inbox);
        await using var sender = await ConnectAsync(endpoint, "sender", new MessageInbox());

        receiver.Subscribe("busy/topic");
        Assert.True(await receiver.FlushAsync(TimeSpan.FromSeconds(20)));
        sender.Publish("busy/topic", [7]);

        Assert.True(await inbox.WaitForAsync(1));
        Assert.Equal(0, receiver.Statistics.RefusedSubscriptions);
        Assert.True(failures < 0, "the broker was not asked again");
        await server.StopAsync(new MQTTnet.Server.MqttServerStopOptionsBuilder().Build());
    }

    // One message to a subscribed topic and one to a topic nobody subscribed to: only the second counts as unrouted
    // (the broker's PUBACK reason 0x10, MQTT 5.0 s3.4.2.1).
    internal static async Task AssertCountsUnroutedAsync(BrokerEndpoint endpoint)
    {
        var inbox = new MessageInbox();
        await using var receiver = await ConnectAsync(endpoint, "rx", inbox);
        receiver.Subscribe("heard");
        Assert.True(await receiver.FlushAsync(TimeSpan.FromSeconds(60)));
        await using var sender = await ConnectAsync(endpoint, "tx", new MessageInbox());

        sender.Publish("heard", [1]);
        sender.Publish("nobody/listens", [2]);
        Assert.True(await sender.FlushAsync(TimeSpan.FromSeconds(60)));

        Assert.Equal(2, sender.Statistics.Published);
        Assert.Equal(1, sender.Statistics.Unrouted);
    }

    internal static async Task<MqttMessageBus> ConnectAsync(BrokerEndpoint endpoint, string clientId, MessageInbox inbox, int timeoutSeconds = 10)
    {
        var bus = new MqttMessageBus(endpoint, clientId, inbox.Add, new ListLog());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        await bus.ConnectAsync(timeout.Token);
        return bus;
    }
}
