using System.Collections.Concurrent;
using System.Buffers;
using System.Net;
using MQTTnet;
using MQTTnet.Server;

namespace GatewayQkd.BoardTwin.Tests.Support;

/// <summary>
/// An MQTTnet broker on loopback that the tests can look into: which deliveries a client acknowledged (PUBACK), and it
/// can hold back its PUBACK to the publishes of one client (the broker being slow), so a client's own in-flight
/// publishes pile up.
/// </summary>
internal sealed class TestBroker : IAsyncDisposable
{
    private readonly MqttServer _server;
    private readonly ConcurrentQueue<(string ClientId, string Topic)> _acknowledged = new();
    private readonly ConcurrentQueue<(string ClientId, string Topic)> _subscribed = new();
    private readonly ConcurrentQueue<(string ClientId, string Topic, byte[] Payload)> _published = new();
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? _holdFor;

    private TestBroker(int port)
    {
        Port = port;
        var options = new MqttServerOptionsBuilder().WithDefaultEndpoint().WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None).WithDefaultEndpointPort(port).WithPersistentSessions(true).Build();
        _server = new MqttServerFactory().CreateMqttServer(options);
        _server.ClientAcknowledgedPublishPacketAsync += e =>
        {
            _acknowledged.Enqueue((e.ClientId, e.PublishPacket.Topic));
            return Task.CompletedTask;
        };
        _server.ClientSubscribedTopicAsync += e =>
        {
            _subscribed.Enqueue((e.ClientId, e.TopicFilter.Topic));
            return Task.CompletedTask;
        };
        _server.InterceptingPublishAsync += async e =>
        {
            _published.Enqueue((e.ClientId, e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray()));
            if (_holdFor is { } client && e.ClientId == client)
            {
                await _release.Task.ConfigureAwait(false); // no PUBACK until released
            }
        };
    }

    public int Port { get; }

    public static async Task<TestBroker> StartAsync()
    {
        var broker = new TestBroker(GatewayQkd.Emulation.Broker.FreeTcpPort.Find());
        await broker._server.StartAsync();
        return broker;
    }

    /// <summary>Returns how many deliveries on <paramref name="topic"/> client <paramref name="clientId"/> acknowledged.</summary>
    public int AcknowledgedBy(string clientId, string topic) => _acknowledged.Count(a => a.ClientId == clientId && a.Topic == topic);

    /// <summary>Returns true once client <paramref name="clientId"/> has subscribed to <paramref name="topic"/>.</summary>
    public bool HasSubscribed(string clientId, string topic) => _subscribed.Any(s => s.ClientId == clientId && s.Topic == topic);

    /// <summary>Returns the payloads client <paramref name="clientId"/> published on <paramref name="topic"/>, in order.</summary>
    public IReadOnlyList<byte[]> PublishedBy(string clientId, string topic) =>
        [.. _published.Where(p => p.ClientId == clientId && p.Topic == topic).Select(p => p.Payload)];

    /// <summary>Holds back the PUBACK of every publish of <paramref name="clientId"/> until <see cref="Release"/>.</summary>
    public void HoldAcksOf(string clientId) => _holdFor = clientId;

    public void Release()
    {
        _holdFor = null;
        _release.TrySetResult();
        _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Publishes at QoS 1 from the broker itself (as another client would).</summary>
    public Task InjectAsync(string topic, byte[] payload) => _server.InjectApplicationMessage(
        new InjectedMqttApplicationMessage(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build()) { SenderClientId = "test" });

    public async ValueTask DisposeAsync()
    {
        Release();
        await _server.StopAsync();
        _server.Dispose();
    }
}
