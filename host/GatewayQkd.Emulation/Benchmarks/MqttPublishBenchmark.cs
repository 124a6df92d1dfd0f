using System.Diagnostics;
using GatewayQkd.Core.Ports;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Bus;
using GatewayQkd.Emulation.Logging;

namespace GatewayQkd.Emulation.Benchmarks;

/// <summary>
/// A broker's raw publish rate through the same bus adapter the emulation uses (<see cref="MqttMessageBus"/>, QoS 1,
/// each client awaiting its PUBACKs in order). With one connection pair, one client publishes <c>count</c> messages of
/// <c>size</c> bytes and another receives them; with <c>connections</c> clients, each one subscribes to its own topic
/// and publishes its share of <c>count</c> to the next client's topic, all at once, as the emulation's gateways,
/// sensors and central server do. The rate is messages delivered per wall-clock second from the first publish to the
/// last delivery (with many connections: or what arrived within <see cref="DeliveryLimit"/>, per second).
/// </summary>
public static class MqttPublishBenchmark
{
    /// <summary>How long the many-connection ring may take to deliver its messages before the rate is taken over what arrived.</summary>
    public static readonly TimeSpan DeliveryLimit = TimeSpan.FromSeconds(120);

    /// <summary>Measures one publisher and one receiver; returns messages per second delivered end to end.</summary>
    public static async Task<double> RunAsync(BrokerEndpoint endpoint, int count, int size)
    {
        var log = new RunLog();
        var received = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var receiver = new MqttMessageBus(endpoint, "bench-rx", (_, _) =>
        {
            if (Interlocked.Increment(ref received) == count)
            {
                done.TrySetResult();
            }
        }, log);
        await using var sender = new MqttMessageBus(endpoint, "bench-tx", (_, _) => { }, log);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await receiver.ConnectAsync(timeout.Token).ConfigureAwait(false);
        await sender.ConnectAsync(timeout.Token).ConfigureAwait(false);
        receiver.Subscribe("bench/raw");
        await receiver.FlushOrLogAsync(TimeSpan.FromSeconds(10), log, LogLevel.Error, "bench receiver subscribing (messages may be missed)").ConfigureAwait(false);
        var payload = new byte[size];
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            sender.Publish("bench/raw", payload);
        }

        await done.Task.WaitAsync(TimeSpan.FromSeconds(120)).ConfigureAwait(false);
        return count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Measures <paramref name="connections"/> clients (at least 2) publishing to each other in a ring, at least
    /// <paramref name="count"/> messages in all (each client an equal share); returns messages per second delivered.
    /// </summary>
    public static async Task<double> RunAsync(BrokerEndpoint endpoint, int count, int size, int connections)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(connections, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var log = new RunLog();
        var share = (count + connections - 1) / connections;
        var total = share * connections;
        var received = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clients = new MqttMessageBus[connections];
        try
        {
            for (var i = 0; i < connections; i++)
            {
                clients[i] = new MqttMessageBus(endpoint, $"bench-ring-{i}", (_, _) =>
                {
                    if (Interlocked.Increment(ref received) == total)
                    {
                        done.TrySetResult();
                    }
                }, log);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await Task.WhenAll(clients.Select(c => c.ConnectAsync(timeout.Token))).ConfigureAwait(false);
            for (var i = 0; i < connections; i++)
            {
                clients[i].Subscribe(RingTopic(i));
            }

            foreach (var client in clients)
            {
                await client.FlushAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            }

            var payload = new byte[size];
            var watch = Stopwatch.StartNew();
            for (var n = 0; n < share; n++)
            {
                for (var i = 0; i < connections; i++)
                {
                    clients[i].Publish(RingTopic((i + 1) % connections), payload);
                }
            }

            try
            {
                await done.Task.WaitAsync(DeliveryLimit).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // a broker that cannot carry them all in the limit: its rate is what it delivered in that time
            }

            return Volatile.Read(ref received) / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            foreach (var client in clients)
            {
                if (client is not null)
                {
                    await client.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    private static string RingTopic(int client) => $"bench/ring/{client}";
}
