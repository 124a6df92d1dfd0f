using System.Collections.Concurrent;
using System.Net.Sockets;
using GatewayQkd.BoardTwin.Tests.Support;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Exceptions;
using nanoFramework.M2Mqtt.Messages;

namespace GatewayQkd.BoardTwin.Tests.StandIns;

/// <summary>
/// The M2Mqtt stand-in behaves as nanoFramework.M2Mqtt 5.1.218 does where the device depends on it (MqttClient.cs and
/// Net/MqttNetworkChannel.cs at tag v5.1.218, lines cited per test).
/// </summary>
[Collection(BoardCollection.Name)]
public sealed class M2MqttStandInTests
{
    private const string ClientId = "stand-in";

    [Fact]
    public void The_Broker_Name_Is_Resolved_In_The_Constructor_And_An_Unknown_Name_Throws_There()
    {
        // MqttNetworkChannel.cs:120-135, called from the constructor (MqttClient.cs:293 -> :347).
        Assert.ThrowsAny<SocketException>(() => new MqttClient("gatewayqkd-broker.invalid", 1883, false, null, null, MqttSslProtocols.None));

        using var client = new MqttClient("localhost", 1, false, null, null, MqttSslProtocols.None);
        Assert.True(System.Net.IPAddress.IsLoopback(client.BrokerAddress));
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task A_Delivery_Is_Acknowledged_Before_The_Handler_Sees_It()
    {
        // MqttClient.cs:1842-1853: Send(puback), then the event is queued for the dispatch thread.
        await using var broker = await TestBroker.StartAsync();
        using var client = await ConnectAsync(broker, "in/#");
        var ackedWhenHandled = new ConcurrentQueue<int>();
        client.MqttMsgPublishReceived += (_, _) => ackedWhenHandled.Enqueue(WaitForAck(broker));

        await broker.InjectAsync("in/1", [1]);

        Assert.True(await Eventually.TrueAsync(() => !ackedWhenHandled.IsEmpty));
        Assert.Equal(1, ackedWhenHandled.Single());
    }

    [Fact]
    public async Task A_Delivery_That_Finds_The_Inflight_Queue_Full_Is_Discarded_With_No_Ack_And_No_Event()
    {
        // MqttClient.cs:1108 bounds the queue; :1366 ignores EnqueueInflight's result for a received PUBLISH.
        await using var broker = await TestBroker.StartAsync();
        using var client = await ConnectWithFullQueueAsync(broker);
        var handled = 0;
        client.MqttMsgPublishReceived += (_, _) => Interlocked.Increment(ref handled);

        await broker.InjectAsync("in/1", [1]);

        Assert.True(await Eventually.TrueAsync(() => client.DroppedIncoming == 1));
        await Task.Delay(200);
        Assert.Equal(0, Volatile.Read(ref handled));
        Assert.Equal(0, broker.AcknowledgedBy(ClientId, "in/1"));
    }

    [Fact]
    public async Task Publish_Throws_InflightQueueFull_When_The_Queue_Is_Full()
    {
        // MqttClient.cs:788.
        await using var broker = await TestBroker.StartAsync();
        using var client = await ConnectWithFullQueueAsync(broker);

        var e = Assert.Throws<MqttClientException>(() => client.Publish("out/2", [2], null, null, MqttQoSLevel.AtLeastOnce, false));

        Assert.Equal(MqttClientErrorCode.InflightQueueFull, e.ErrorCode);
    }

    [Fact]
    public async Task A_Subscribe_That_Finds_The_Queue_Full_Is_Silently_Not_Sent()
    {
        // MqttClient.cs:652 ignores EnqueueInflight's result.
        await using var broker = await TestBroker.StartAsync();
        using var client = await ConnectWithFullQueueAsync(broker);

        client.Subscribe(["late/#"], [MqttQoSLevel.AtLeastOnce]);

        await Task.Delay(300);
        Assert.Equal(1, client.DroppedSubscribes);
        Assert.False(broker.HasSubscribed(ClientId, "late/#"));
    }

    [Fact]
    public async Task The_PUBACK_Of_A_Publish_Raises_MqttMsgPublished_With_Its_Id()
    {
        // MqttClient.cs:1630 raises MqttMsgPublished(id, true) when the PUBACK arrives.
        await using var broker = await TestBroker.StartAsync();
        using var client = await ConnectAsync(broker, "in/#");
        var published = new ConcurrentQueue<MqttMsgPublishedEventArgs>();
        client.MqttMsgPublished += (_, e) => published.Enqueue(e);

        var id = client.Publish("out/1", [1], null, null, MqttQoSLevel.AtLeastOnce, false);

        Assert.True(await Eventually.TrueAsync(() => !published.IsEmpty));
        Assert.Equal(id, published.Single().MessageId);
        Assert.True(published.Single().IsPublished);
    }

    private static int WaitForAck(TestBroker broker)
    {
        // The handler runs on the dispatch thread; give the broker's event a moment to record an ack already sent.
        var deadline = DateTime.UtcNow.AddSeconds(2);
        while (broker.AcknowledgedBy(ClientId, "in/1") == 0 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(5);
        }

        return broker.AcknowledgedBy(ClientId, "in/1");
    }

    // A queue of one entry, taken by a publish whose PUBACK the broker withholds.
    private static async Task<MqttClient> ConnectWithFullQueueAsync(TestBroker broker)
    {
        var client = await ConnectAsync(broker, "in/#");
        client.Settings.InflightQueueSize = 1;
        broker.HoldAcksOf(ClientId);
        client.Publish("out/1", [1], null, null, MqttQoSLevel.AtLeastOnce, false);
        return client;
    }

    private static async Task<MqttClient> ConnectAsync(TestBroker broker, string filter)
    {
        var client = new MqttClient("127.0.0.1", broker.Port, false, null, null, MqttSslProtocols.None);
        Assert.Equal(MqttReasonCode.Success, client.Connect(ClientId, null, null, false, MqttQoSLevel.AtMostOnce, false, null, null, true, 60));
        client.Subscribe([filter], [MqttQoSLevel.AtLeastOnce]);
        Assert.True(await Eventually.TrueAsync(() => broker.HasSubscribed(ClientId, filter) && client.InflightCount == 0));
        return client;
    }
}
