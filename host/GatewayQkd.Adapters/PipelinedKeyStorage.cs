using System.Runtime.ExceptionServices;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Adapters;

/// <summary>
/// A pipelined group commit for the host (docs/storage-layout.md, "Pipelined commit"): the storage calls of the core
/// are queued in program order and carried out one after another, each as the wrapped storage does it (fsyncs
/// included), by one storage thread, so the gateway's thread goes on admitting and reserving the next slot's requests
/// while the last slot's commit is being made durable. What may only happen after a commit, publishing, is held back
/// by <see cref="DurableMessageBus"/> until every storage call queued before it has returned on the wrapped storage.
/// </summary>
/// <remarks>
/// Why this keeps every guarantee of the synchronous port (the argument is the port's contract, IKeyStorage): the
/// wrapped storage sees exactly the calls, in exactly the order, that the core made, and a call starts only after the
/// one before it returned, so the files after a power cut at the k-th call are the files a synchronous gateway leaves
/// at a cut at its k-th call; a message leaves only once every call made before it was published returned, so the
/// messages out by then are exactly those the synchronous gateway had published before its k-th call. What the
/// gateway's thread did beyond that (requests admitted, keys reserved, marks staged) was in RAM only and is lost with
/// it. So every power-cut point of the synchronous gateway's proof (GroupCommitPowerCutTests) covers the pipelined one,
/// which the same suite also runs through this adapter. A call that fails on the storage thread stops it: that call
/// and every later one (and every message held behind it) never happen, and every later call on this object throws
/// the failure, so what the disk holds is what a power cut at the failing call leaves; the gateway must then be
/// restarted on it (its recovery handles that like any cut). The caller's arrays are copied when a call is queued
/// (the core erases key bytes after a Write returns) and the copy is erased once written.
/// Reads (<see cref="ListFiles"/>, <see cref="Exists"/>, <see cref="Read"/>) first wait for the queue to empty, so they
/// see every earlier call. One caller thread; the storage thread is the only one that touches the wrapped storage
/// while calls are queued.
/// </remarks>
public sealed class PipelinedKeyStorage : IKeyStorage, IDisposable
{
    private readonly IKeyStorage _inner;
    private readonly int _maxQueued;
    private readonly object _gate = new();
    private readonly Queue<Call> _queue = new();
    private readonly Thread _thread;
    private long _queued;
    private long _done;
    private ExceptionDispatchInfo? _failure;
    private bool _stopping;
    private bool _workerWaiting;
    private bool _callerWaiting;

    /// <summary>Wraps <paramref name="inner"/>; at most <paramref name="maxQueued"/> calls wait at once (the caller then waits too).</summary>
    public PipelinedKeyStorage(IKeyStorage inner, int maxQueued = 4096)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxQueued, 1);
        _maxQueued = maxQueued;
        _thread = new Thread(Work) { IsBackground = true, Name = "storage pipeline" };
        _thread.Start();
    }

    /// <summary>Gets the number of calls queued so far (storage calls and held actions).</summary>
    public long Queued
    {
        get
        {
            lock (_gate)
            {
                return _queued;
            }
        }
    }

    /// <summary>Gets the CPU time the storage thread has used, in nanoseconds (0 where the thread clock is missing).</summary>
    public long ThreadCpuNanoseconds { get; private set; }

    /// <inheritdoc />
    public string[] ListFiles()
    {
        Drain();
        return _inner.ListFiles();
    }

    /// <inheritdoc />
    public bool Exists(string name)
    {
        Drain();
        return _inner.Exists(name);
    }

    /// <inheritdoc />
    public byte[] Read(string name)
    {
        Drain();
        return _inner.Read(name);
    }

    /// <inheritdoc />
    public void Write(string name, byte[] data, int offset, int count)
    {
        var copy = Copy(data, offset, count);
        Enqueue(s => s.Write(name, copy, 0, copy.Length), copy);
    }

    /// <inheritdoc />
    public void Append(string name, byte[] data, int offset, int count)
    {
        var copy = Copy(data, offset, count);
        Enqueue(s => s.Append(name, copy, 0, copy.Length), copy);
    }

    /// <inheritdoc />
    public void Rewrite(string name, byte[] data, int offset, int count)
    {
        var copy = Copy(data, offset, count);
        Enqueue(s => s.Rewrite(name, copy, 0, copy.Length), copy);
    }

    /// <inheritdoc />
    public void Delete(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Enqueue(s => s.Delete(name), null);
    }

    /// <summary>
    /// Runs <paramref name="action"/> on the storage thread once every call queued before it has returned, or never
    /// when one of them failed (<see cref="DurableMessageBus"/> publishes through this).
    /// </summary>
    public void AfterDurable(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_gate)
        {
            _failure?.Throw();
            if (_done < _queued)
            {
                Enqueue(_ => action(), null); // behind calls not yet returned
                return;
            }
        }

        // Every call made before has returned and the storage thread is idle: nothing to wait for, so no need to wake
        // it (one wake-up per message cost more CPU than the message). Only the one caller thread queues calls, so none
        // can slip in before this runs.
        action();
    }

    /// <summary>Waits until every queued call has returned; throws the failure of a call that did not.</summary>
    public void Drain()
    {
        lock (_gate)
        {
            while (_done < _queued && _failure is null)
            {
                _callerWaiting = true;
                Monitor.Wait(_gate);
            }

            _failure?.Throw();
        }
    }

    /// <summary>Carries out what is queued, then stops the storage thread; a failure stays (reads and calls throw it).</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.PulseAll(_gate);
        }

        _thread.Join();
    }

    private void Enqueue(Action<IKeyStorage> run, byte[]? data)
    {
        lock (_gate)
        {
            while (_queued - _done >= _maxQueued && _failure is null)
            {
                _callerWaiting = true;
                Monitor.Wait(_gate);
            }

            if (_failure is not null)
            {
                Erase(data);
                _failure.Throw();
            }

            ObjectDisposedException.ThrowIf(_stopping, this);
            _queue.Enqueue(new Call(run, data));
            _queued++;
            if (_workerWaiting)
            {
                Monitor.Pulse(_gate); // only an idle storage thread needs waking: a busy one finds the call when it looks again
            }
        }
    }

    // Takes every queued call at once and carries them out in order outside the lock, so the gateway's thread and
    // the storage thread meet once per batch, not once per call.
    private void Work()
    {
        var cpuBefore = ThreadCpuTime.IsAvailable ? ThreadCpuTime.Nanoseconds() : 0;
        var batch = new List<Call>();
        while (true)
        {
            lock (_gate)
            {
                while (_queue.Count == 0 && !_stopping)
                {
                    _workerWaiting = true;
                    Monitor.Wait(_gate);
                    _workerWaiting = false;
                }

                if (_queue.Count == 0)
                {
                    return;
                }

                while (_queue.Count > 0)
                {
                    batch.Add(_queue.Dequeue());
                }
            }

            Exception? failed = null;
            var done = 0;
            foreach (var call in batch)
            {
                if (failed is null)
                {
                    try
                    {
                        call.Run(_inner);
                        done++;
                    }
                    catch (Exception e)
                    {
                        failed = e; // nothing after it runs
                    }
                }

                Erase(call.Data);
            }

            lock (_gate)
            {
                if (ThreadCpuTime.IsAvailable)
                {
                    ThreadCpuNanoseconds = ThreadCpuTime.Nanoseconds() - cpuBefore;
                }

                _done += done;
                if (failed is not null)
                {
                    // Nothing queued after a failed call may happen: it would act on a state the disk does not hold.
                    _failure = ExceptionDispatchInfo.Capture(failed);
                    while (_queue.Count > 0)
                    {
                        Erase(_queue.Dequeue().Data);
                    }
                }

                if (_callerWaiting)
                {
                    _callerWaiting = false;
                    Monitor.PulseAll(_gate);
                }

                batch.Clear();
                if (failed is not null)
                {
                    return;
                }
            }
        }
    }

    private static byte[] Copy(byte[] data, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, data.Length - offset);
        return data.AsSpan(offset, count).ToArray();
    }

    // The queued copy may hold key bytes (a block file's rest): it must not outlive its write.
    private static void Erase(byte[]? data)
    {
        if (data is not null)
        {
            Array.Clear(data);
        }
    }

    private readonly record struct Call(Action<IKeyStorage> Run, byte[]? Data);
}
