using System.Diagnostics;
using GatewayQkd.Core.Ports;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Bus;
using GatewayQkd.Emulation.Logging;

namespace GatewayQkd.Emulation.Benchmarks;

/// <summary>
/// A broker's raw publish rate through the same bus adapter the emulation uses: one client publishes
/// <c>count</c> QoS 1 messages of <c>size</c> bytes, one client receives them; the rate is messages delivered per
/// wall-clock second from the first publish to the last delivery.
/// </summary>
public static class MqttPublishBenchmark
{
    /// <summary>Measures and returns messages per second delivered end to end.</summary>
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
}
