using System.Threading.Channels;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Emulation.Verifier;

/// <summary>
/// Takes telemetry off the central server's MQTT receive loop and verifies it in batches: <see cref="Post"/> only
/// queues a frame; one loop drains the queue, up to <see cref="MaxBatch"/> frames at a time, into
/// <see cref="ITelemetryVerifier.VerifyBatch"/> (one store commit per batch). Before, every frame was verified inside
/// the handler with two store commits (read the key, then mark it used), and MQTTnet's client hands a connection's
/// messages to the handler one at a time and sends each PUBACK only after the handler returned
/// (dotnet/MQTTnet v5.2.0 Source/MQTTnet/MqttClient.cs, ProcessReceivedPublishPackets), so every acknowledgement and
/// status frame behind a telemetry frame waited for its commits. The more frames arrive while a batch runs, the
/// larger the next batch: the commits per frame fall as the load rises. A frame acknowledged to the broker but not
/// yet verified when the process dies is lost as a reading; its key stays unused in the store (nothing is handed out
/// twice). Thread-safe.
/// </summary>
public sealed class TelemetryBatcher : IAsyncDisposable
{
    /// <summary>Most frames verified in one batch (one commit).</summary>
    public const int MaxBatch = 256;

    private readonly Channel<TelemetryFrame> _queue = System.Threading.Channels.Channel.CreateUnbounded<TelemetryFrame>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ITelemetryVerifier _verifier;
    private readonly ILog _log;
    private readonly Task _loop;
    private long _pending;
    private long _batches;
    private long _frames;
    private long _largest;
    private long _failed;

    /// <summary>Starts the loop that verifies what <see cref="Post"/> queues through <paramref name="verifier"/>.</summary>
    public TelemetryBatcher(ITelemetryVerifier verifier, ILog log)
    {
        _verifier = verifier ?? throw new ArgumentNullException(nameof(verifier));
        _log = log ?? throw new ArgumentNullException(nameof(log));
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Gets the frames queued and not yet verified.</summary>
    public long Pending => Interlocked.Read(ref _pending);

    /// <summary>Gets the batches verified so far (one store commit each).</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Gets the frames verified so far (accepted or refused).</summary>
    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>Gets the largest batch so far.</summary>
    public long LargestBatch => Interlocked.Read(ref _largest);

    /// <summary>Gets the frames of batches whose verification failed as a whole (a store error; logged).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Queues <paramref name="frame"/> for the next batch; throws <see cref="ObjectDisposedException"/> once disposed.</summary>
    public void Post(TelemetryFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame.Address, nameof(frame));
        ArgumentNullException.ThrowIfNull(frame.Payload, nameof(frame));
        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite(frame))
        {
            Interlocked.Decrement(ref _pending);
            throw new ObjectDisposedException(nameof(TelemetryBatcher));
        }
    }

    /// <summary>Stops taking frames, verifies those still queued, and ends the loop.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task LoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<TelemetryFrame>(MaxBatch);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && reader.TryRead(out var frame))
            {
                batch.Add(frame);
            }

            try
            {
                _verifier.VerifyBatch(batch);
            }
#pragma warning disable CA1031 // a store failure must not end the loop: the batch is counted and logged, its keys stay unused
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Interlocked.Add(ref _failed, batch.Count);
                _log.Write(LogLevel.Error, $"telemetry batch of {batch.Count} frames not verified: {ex.Message}");
            }

            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _frames, batch.Count);
            Interlocked.Add(ref _pending, -batch.Count);
            if (batch.Count > Interlocked.Read(ref _largest))
            {
                Interlocked.Exchange(ref _largest, batch.Count); // one writer: this loop
            }
        }
    }
}
