using GatewayQkd.Core.Pool;

namespace GatewayQkd.Core.Tests.Pool;

/// <summary>
/// The test's own record of what happened to every byte of every peer's stream, kept from what callers saw (ranges
/// returned, ranges reported lost, zeroize calls), never from the pool's internals. It checks the pool's invariants:
/// no byte is handed out twice, handed-out and lost bytes never reappear as available, and losses are exactly the
/// consumed bytes that were not handed out, plus at most the single range handed out last before a restart.
/// </summary>
internal sealed class StreamLedger(KeyStreamModel model)
{
    private const byte Fresh = 0;
    private const byte HandedOut = 1;
    private const byte Lost = 2;
    private const byte Zeroized = 3;
    private const byte ReturnedThenLost = 4;

    private readonly Dictionary<ushort, List<byte>> _state = [];
    private readonly Dictionary<ushort, (long From, long To)> _zeroizeWindow = [];
    private KeyRange? _lastReturned;

    /// <summary>Gets the number of ranges handed out.</summary>
    public int RangesReturned { get; private set; }

    /// <summary>Gets the bytes handed out and afterwards counted lost (the single in-doubt range of a restart).</summary>
    public long InDoubtBytes { get; private set; }

    /// <summary>Gets the bytes counted lost that were never handed out.</summary>
    public long LostNotReturnedBytes { get; private set; }

    /// <summary>Records a range handed out to a caller and checks its bytes and that it was never handed out before.</summary>
    public void Returned(KeyRange range, byte[] material)
    {
        Assert.Equal(model.Bytes(range), material);
        var state = StateOf(range.PeerId, (long)range.End);
        for (var o = (int)range.Offset; o < (int)range.End; o++)
        {
            Check(state[o] == Fresh, () => $"byte {range.PeerId}/{o} handed out again in {range} (state {state[o]})");
            state[o] = HandedOut;
        }

        _lastReturned = range;
        RangesReturned++;
    }

    /// <summary>Notes a zeroize attempt: the peer's bytes below <paramref name="streamEnd"/> not yet consumed may vanish.</summary>
    public void ZeroizeAttempted(ushort peer, long streamEnd) => _zeroizeWindow[peer] = (0, streamEnd);

    /// <summary>
    /// Checks the pool just opened (after a restart or power cut) against the ledger: consumed bytes never handed out
    /// are now lost; the pool's loss counter must equal them, plus at most the range handed out last (in doubt).
    /// </summary>
    public void CheckRecovered(KeyPool pool)
    {
        foreach (var peer in pool.PeerIds)
        {
            var state = StateOf(peer, pool.StreamEnd(peer));
            var consumedEnd = pool.ConsumedEnd(peer);
            long counted = 0;
            for (var o = 0; o < consumedEnd; o++)
            {
                if (state[o] == Fresh && !InZeroizeWindow(peer, o))
                {
                    state[o] = Lost;
                    LostNotReturnedBytes++;
                }

                counted += state[o] is Lost or ReturnedThenLost ? 1 : 0;
            }

            var excess = (pool.LostBits(peer) / 8) - counted;
            if (excess != 0)
            {
                var last = _lastReturned;
                Assert.True(
                    last is not null && last.PeerId == peer && excess == last.Length,
                    $"peer {peer}: the pool counts {excess} lost bytes more than were consumed without being handed out, and they are not the last range handed out ({_lastReturned})");
                for (var o = (int)last!.Offset; o < (int)last.End; o++)
                {
                    Assert.Equal(HandedOut, state[o]);
                    state[o] = ReturnedThenLost;
                }

                InDoubtBytes += excess;
            }
        }

        foreach (var lost in pool.LastRecovery.LostRanges)
        {
            for (var o = (int)lost.Offset; o < (int)lost.End; o++)
            {
                Check(StateOf(lost.PeerId, o + 1)[o] is Lost or ReturnedThenLost, () => $"byte {lost.PeerId}/{o} reported lost but not counted");
            }
        }

        _lastReturned = null;
        CheckPositions(pool);
    }

    /// <summary>Checks the pool's positions and loss counters against the ledger (any time).</summary>
    public void CheckPositions(KeyPool pool)
    {
        foreach (var peer in pool.PeerIds)
        {
            var consumedEnd = pool.ConsumedEnd(peer);
            var state = StateOf(peer, pool.StreamEnd(peer));
            long lostBytes = 0;
            for (var o = 0; o < state.Count; o++)
            {
                if (o >= consumedEnd)
                {
                    Check(state[o] == Fresh, () => $"byte {peer}/{o} is available again but its state is {state[o]}");
                    continue;
                }

                if (state[o] == Fresh && InZeroizeWindow(peer, o))
                {
                    state[o] = Zeroized;
                }

                Check(state[o] != Fresh, () => $"byte {peer}/{o} is consumed but neither handed out, lost nor zeroized");
                lostBytes += state[o] is Lost or ReturnedThenLost ? 1 : 0;
            }

            Assert.Equal(lostBytes * 8, pool.LostBits(peer));
        }

        _zeroizeWindow.Clear();
    }

    // Builds the failure message only on failure: these checks run once per byte.
    private static void Check(bool condition, Func<string> message)
    {
        if (!condition)
        {
            Assert.Fail(message());
        }
    }

    private bool InZeroizeWindow(ushort peer, int offset) =>
        _zeroizeWindow.TryGetValue(peer, out var window) && offset >= window.From && offset < window.To;

    private List<byte> StateOf(ushort peer, long length)
    {
        if (!_state.TryGetValue(peer, out var state))
        {
            state = [];
            _state[peer] = state;
        }

        while (state.Count < length)
        {
            state.Add(Fresh);
        }

        return state;
    }
}
