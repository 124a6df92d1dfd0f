using GatewayQkd.Core.Pool;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Core.Tests.Pool;

/// <summary>
/// Runs a generated workload against a pool on <see cref="PowerCutStorage"/>, as a gateway would: a central server
/// sends each peer's blocks in order and resends a block until the gateway acknowledges it; takes hand key to callers.
/// An armed power cut kills the pool mid-call; the device reboots (a new pool on the surviving flash) and the workload
/// goes on. A <see cref="StreamLedger"/> checks every range handed out and every recovery.
/// </summary>
internal sealed class PoolWorkload
{
    private const long CapacityBits = 2048 * 8;
    private const int MaxBlocks = 12;

    private readonly KeyStreamModel _model = new(0xC0FFEE);
    private readonly Dictionary<ushort, KeyBlock?> _pending = [];
    private readonly Dictionary<ushort, (uint NextId, uint End)> _sender = [];
    private readonly StreamLedger _ledger;
    private readonly bool _erasePartialBlocks;
    private PowerCutStorage _device = new();
    private KeyPool _pool;
    private CutOutcome? _secondCut;

    public PoolWorkload(bool erasePartialBlocks = true)
    {
        _erasePartialBlocks = erasePartialBlocks;
        _ledger = new StreamLedger(_model);
        _pool = Open();
    }

    /// <summary>Gets the number of commit points the first device reached (all of them when no cut was armed).</summary>
    public int CommitPoints { get; private set; }

    /// <summary>Gets the ledger.</summary>
    public StreamLedger Ledger => _ledger;

    /// <summary>Gets the number of power cuts that happened.</summary>
    public int Cuts { get; private set; }

    /// <summary>
    /// Runs <paramref name="ops"/>, cutting power at commit point <paramref name="cutAt"/> (0: never), then drains the
    /// pool. With <paramref name="secondCut"/>, power fails again at the first commit point after the reboot (during
    /// recovery if it writes, else in the next operation).
    /// </summary>
    public void Run(WorkloadOp[] ops, int cutAt, CutOutcome outcome, CutOutcome? secondCut = null)
    {
        _secondCut = secondCut;
        if (cutAt > 0)
        {
            _device.ArmCut(cutAt, outcome);
        }

        var first = _device;
        foreach (var op in ops)
        {
            try
            {
                Apply(op);
            }
            catch (PowerCutException)
            {
                Assert.True(_device.IsCut);
                CommitPoints = first.CommitPoints;
                Reboot();
            }
        }

        if (!first.IsCut)
        {
            CommitPoints = first.CommitPoints;
        }

        while (true)
        {
            try
            {
                Drain();
                return;
            }
            catch (PowerCutException)
            {
                Reboot(); // a second cut armed after the last operation lands here
            }
        }
    }

    private void Apply(WorkloadOp op)
    {
        switch (op.Kind)
        {
            case WorkloadOpKind.Ingest:
                Send(op.Peer, op.Length);
                break;
            case WorkloadOpKind.Take:
                var taken = _pool.Take(op.Peer, op.Length);
                if (taken.IsTaken)
                {
                    Assert.Equal(op.Length, taken.Range!.Length);
                    _ledger.Returned(taken.Range, taken.Material!);
                }
                else
                {
                    Assert.True(op.Length * 8L > _pool.AvailableBits(op.Peer), $"take of {op.Length} refused with {_pool.AvailableBits(op.Peer)} bits available");
                }

                break;
            case WorkloadOpKind.Restart:
                _pool = Open();
                _ledger.CheckRecovered(_pool);
                break;
            case WorkloadOpKind.Zeroize:
                foreach (var peer in _pool.PeerIds)
                {
                    _ledger.ZeroizeAttempted(peer, _pool.StreamEnd(peer));
                }

                _pool.Zeroize();
                _ledger.CheckPositions(_pool);
                break;
        }
    }

    // The central server: resend the unacknowledged block, else cut the next one.
    private void Send(ushort peer, int length)
    {
        var block = _pending.GetValueOrDefault(peer);
        if (block is null)
        {
            var (nextId, end) = _sender.GetValueOrDefault(peer);
            block = _model.Block(peer, nextId, end, length);
            _sender[peer] = (nextId + 1, end + (uint)length);
            _pending[peer] = block;
        }

        var result = _pool.Ingest(block);
        Assert.True(
            result is IngestResult.Accepted or IngestResult.Duplicate or IngestResult.AlreadyConsumed or IngestResult.CapacityExceeded or IngestResult.BlockLimitReached,
            $"block {peer}/{block.BlockId} at {block.Offset} got {result}");
        if (result is IngestResult.Accepted or IngestResult.Duplicate or IngestResult.AlreadyConsumed)
        {
            _pending[peer] = null;
        }
    }

    private KeyPool Open() => KeyPool.Open(_device, CapacityBits, MaxBlocks, _erasePartialBlocks);

    private void Reboot()
    {
        while (true)
        {
            Cuts++;
            _device = _device.Reboot();
            if (_secondCut is { } second)
            {
                _device.ArmCut(1, second);
                _secondCut = null;
            }

            try
            {
                _pool = Open();
                _ledger.CheckRecovered(_pool);
                return;
            }
            catch (PowerCutException)
            {
                Assert.True(_device.IsCut);
            }
        }
    }

    // Hands out everything left: its bytes must match the stream and never repeat a range handed out before.
    private void Drain()
    {
        foreach (var peer in _pool.PeerIds)
        {
            var left = (int)(_pool.AvailableBits(peer) / 8);
            if (left > 0)
            {
                var taken = _pool.Take(peer, left);
                _ledger.Returned(taken.Range!, taken.Material!);
            }

            Assert.Equal(0, _pool.AvailableBits(peer));
        }

        _ledger.CheckPositions(_pool);
        Assert.Equal(0, _pool.HeldBlockCount);
        Assert.DoesNotContain(_device.Flash.ListFiles(), name => name.StartsWith("kb", StringComparison.Ordinal));
    }
}
