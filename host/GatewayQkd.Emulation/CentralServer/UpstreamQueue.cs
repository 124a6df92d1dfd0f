using System.Threading.Channels;
using GatewayQkd.Core.Ports;
using GatewayQkd.Core.Protocol;

namespace GatewayQkd.Emulation.CentralServer;

/// <summary>
/// Takes the gateways' upstream frames (acknowledgements, supplements, status, resynchronisations) off the central
/// server's MQTT receive loop and hands them, in arrival order, to one loop: MQTTnet's client hands a connection's
/// messages to the handler one at a time (dotnet/MQTTnet v5.2.0 Source/MQTTnet/MqttClient.cs,
/// ProcessReceivedPublishPackets), and each upstream frame costs a durable replay-mark write
/// (firmware/Core/Protocol/Replay/ReplayGuard.cs, Record) and the key streams' lock, so at 1,000 gateways the
/// telemetry behind them on the same connection waited for seconds. A status frame is a snapshot of the gateway's
/// levels: one still queued when a newer status of the same gateway arrives is skipped unopened (as if lost; the newer
/// one carries a higher counter, so the replay guard's state is the same), so however far behind the loop falls,
/// it holds at most one status per gateway. Thread-safe.
/// </summary>
public sealed class UpstreamQueue : IAsyncDisposable
{
    private readonly Channel<Entry> _queue = System.Threading.Channels.Channel.CreateUnbounded<Entry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<ushort, long> _latestStatus = [];
    private readonly Func<TopicAddress, byte[], FrameStatus> _handle;
    private readonly ILog _log;
    private readonly Task _loop;
    private long _sequence;
    private long _pending;
    private long _handled;
    private long _coalesced;

    /// <summary>Starts the loop that hands what <see cref="Post"/> queues to <paramref name="handle"/>.</summary>
    public UpstreamQueue(Func<TopicAddress, byte[], FrameStatus> handle, ILog log)
    {
        _handle = handle ?? throw new ArgumentNullException(nameof(handle));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Gets the frames queued and not yet handled or skipped.</summary>
    public long Pending => Interlocked.Read(ref _pending);

    /// <summary>Gets the frames handed to the handler so far.</summary>
    public long Handled => Interlocked.Read(ref _handled);

    /// <summary>Gets the status frames skipped because a newer status of the same gateway was queued behind them.</summary>
    public long Coalesced => Interlocked.Read(ref _coalesced);

    /// <summary>Queues one upstream frame; throws <see cref="ObjectDisposedException"/> once disposed.</summary>
    public void Post(TopicAddress address, byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(payload);
        Entry entry;
        lock (_latestStatus)
        {
            entry = new Entry(address, payload, ++_sequence);
            if (address.Kind == TopicKind.Status)
            {
                _latestStatus[address.GatewayId] = entry.Sequence;
            }
        }

        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite(entry))
        {
            Interlocked.Decrement(ref _pending);
            throw new ObjectDisposedException(nameof(UpstreamQueue));
        }
    }

    /// <summary>Stops taking frames, handles those still queued, and ends the loop.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task LoopAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var entry))
            {
                Interlocked.Decrement(ref _pending);
                if (IsSuperseded(entry))
                {
                    Interlocked.Increment(ref _coalesced);
                    continue;
                }

                try
                {
                    _handle(entry.Address, entry.Payload);
                }
#pragma warning disable CA1031 // a handler failure must not end the loop (the bus's handler had the same rule)
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    _log.Write(LogLevel.Error, $"upstream {entry.Address.Kind} frame of gateway {entry.Address.GatewayId} not handled: {ex.Message}");
                }

                Interlocked.Increment(ref _handled);
            }
        }
    }

    private bool IsSuperseded(Entry entry)
    {
        if (entry.Address.Kind != TopicKind.Status)
        {
            return false;
        }

        lock (_latestStatus)
        {
            return _latestStatus[entry.Address.GatewayId] != entry.Sequence;
        }
    }

    private readonly record struct Entry(TopicAddress Address, byte[] Payload, long Sequence);
}
