using System.Collections;
using GatewayQkd.Core.Scheduling;

namespace GatewayQkd.Simulation.Engine;

/// <summary>
/// One gateway in the simulation: its waiting requests (in the scheme's order), its QKP level K_sur (a piecewise-
/// linear function of time: the inflow rate is constant between events) and its server, busy until t_get.
/// </summary>
internal sealed class GatewayState(int id, double vGen, double capacity, double initial, IComparer order, KeyLedger ledger)
{
    public int Id { get; } = id;

    public double VGen { get; } = vGen;

    public OrderedQueue Queue { get; } = new(order, 4);

    /// <summary>Gets or sets the sum of K_qua over the waiting requests.</summary>
    public long PendingDemand { get; set; }

    public double Level { get; private set; } = initial;

    public double Rate { get; private set; }

    public double RateUntil { get; private set; }

    /// <summary>Gets or sets t_get: when the request in service releases the QKP slot.</summary>
    public double BusyUntil { get; set; }

    /// <summary>Gets or sets whether a supplement request is queued at or served by the HAP.</summary>
    public bool SupplementOutstanding { get; set; }

    /// <summary>Gets or sets the request at the head that waits for keys, and since when.</summary>
    public KeyRequest? Blocked { get; set; }

    public double BlockedSince { get; set; }

    /// <summary>Gets or sets the time of the latest wake-up event scheduled (to avoid duplicates).</summary>
    public double NextWake { get; set; } = -1;

    private double _lastUpdate;

    /// <summary>Brings the level up to time <paramref name="now"/>, clipping at capacity (the excess is wasted).</summary>
    public void Integrate(double now)
    {
        double end = Math.Min(now, RateUntil);
        if (Rate > 0 && end > _lastUpdate)
        {
            double added = Rate * (end - _lastUpdate);
            ledger.Generated += added;
            Level += added;
            if (Level > capacity)
            {
                ledger.Wasted += Level - capacity;
                Level = capacity;
            }
        }

        _lastUpdate = Math.Max(_lastUpdate, now);
    }

    /// <summary>Sets a new inflow rate from now until <paramref name="until"/> (integrate first).</summary>
    public void SetInflow(double now, double rate, double until)
    {
        Integrate(now);
        Rate = rate;
        RateUntil = until;
    }

    /// <summary>Takes bits out of the pool (the caller checked they are there, up to rounding).</summary>
    public void Consume(int bits)
    {
        ledger.Consumed += bits;
        Level = Math.Max(0, Level - bits);
    }

    /// <summary>Returns when the level will reach <paramref name="bits"/> at the current inflow, or +inf if never.</summary>
    public double ReadyTime(double now, int bits)
    {
        if (Rate <= 0 || RateUntil <= now)
        {
            return double.PositiveInfinity;
        }

        double ready = now + ((bits - Level) / Rate);
        return ready <= RateUntil + Simulator.Epsilon ? ready : double.PositiveInfinity;
    }
}
