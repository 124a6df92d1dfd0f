using System.Runtime.CompilerServices;

namespace GatewayQkd.Simulation.Engine;

/// <summary>
/// One gateway in the simulation: its waiting requests (in the scheme's order), its QKP level K_sur in whole bits
/// (fed by one <see cref="KeyStream"/> at a time), its server, busy until t_get, and where its supplement stands.
/// </summary>
internal sealed class GatewayState(int id, double vGen, StreamRate vGenRate, long capacity, long initial, KeyLedger ledger)
{
    private readonly StreamRate _vGenRate = vGenRate;
    private KeyStream _stream;

    public int Id { get; } = id;

    public double VGen { get; } = vGen;

    /// <summary>The waiting requests, held in this object (a field, so calls change it in place; see <see cref="OrderedRing{T}"/>).</summary>
    public OrderedRing<WaitingRequest> Queue = new(4);

    /// <summary>Gets or sets the sum of K_qua over the waiting requests.</summary>
    public long PendingDemand { get; set; }

    public long Level { get; private set; } = initial;

    /// <summary>Gets or sets t_get in ticks: when the request in service releases the QKP slot.</summary>
    public long BusyUntil { get; set; }

    public SupplyState Supply { get; set; }

    /// <summary>Gets or sets the serial of the request at the head that waits for keys (-1: none), and since when.</summary>
    public long BlockedSerial { get; set; } = -1;

    public long BlockedSince { get; set; }

    /// <summary>Gets or sets the K_qua of the blocked request.</summary>
    public int BlockedBits { get; set; }

    /// <summary>Brings the level up to <paramref name="now"/>, clipping at capacity (the excess is wasted).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Integrate(long now)
    {
        long added = _stream.Collect(now);
        if (added == 0)
        {
            return;
        }

        ledger.Generated += added;
        Level += added;
        if (Level > capacity)
        {
            ledger.Wasted += Level - capacity;
            Level = capacity;
        }
    }

    /// <summary>Starts an inflow of <paramref name="bits"/> at <paramref name="bitsPerSecond"/> (integrate first); returns its end tick.</summary>
    public long StartStream(long now, double bitsPerSecond, long bits)
    {
        Integrate(now);

        // At V_gen (every scheme but RAKP's shares) the rate and its reciprocal are computed once per run.
        _stream.Start(now, bitsPerSecond == VGen ? _vGenRate : new StreamRate(bitsPerSecond), bits);
        return _stream.EndTick;
    }

    /// <summary>Stops the inflow at <paramref name="now"/>, keeping the bits delivered so far.</summary>
    public void StopStream(long now)
    {
        Integrate(now);
        _stream.Stop();
    }

    /// <summary>Returns the tick at which the level reaches <paramref name="bits"/> at the current inflow, or long.MaxValue.</summary>
    public long ReadyTick(int bits) => bits <= Level ? 0 : _stream.TickOfMore(bits - Level);

    /// <summary>Takes bits out of the pool (the caller checked they are there).</summary>
    public void Consume(int bits)
    {
        ledger.Consumed += bits;
        Level -= bits;
    }
}
