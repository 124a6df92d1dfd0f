namespace GatewayQkd.Emulation.Benchmarks;

/// <summary>
/// The phases of one benchmark point, advanced at each sample of the run: the sensors are held until every gateway's
/// pool holds the ready level of key (so no request of the window waits for the key supply to start, and at 1,000
/// gateways no backlog of requests queued during the fill floods the window), then run a warm-up, then the window
/// of <c>windowSeconds</c> is measured. Pure (wall-clock seconds in, phase out), so the rules are tested without a run.
/// </summary>
public sealed class MeasurementWindow
{
    private readonly double _warmUpSeconds;
    private readonly double _windowSeconds;
    private readonly double _fillLimitSeconds;
    private double _firstSeconds = double.NaN;
    private double _readySeconds = double.NaN;
    private double _openSeconds = double.NaN;

    /// <summary>Creates the window: <paramref name="warmUpSeconds"/> after the pools are ready, then <paramref name="windowSeconds"/> measured; the fill may take at most <paramref name="fillLimitSeconds"/>.</summary>
    public MeasurementWindow(double warmUpSeconds, double windowSeconds, double fillLimitSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(warmUpSeconds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowSeconds);
        ArgumentOutOfRangeException.ThrowIfNegative(fillLimitSeconds);
        _warmUpSeconds = warmUpSeconds;
        _windowSeconds = windowSeconds;
        _fillLimitSeconds = fillLimitSeconds;
    }

    /// <summary>Gets the current phase.</summary>
    public WindowPhase Phase { get; private set; } = WindowPhase.Filling;

    /// <summary>Gets the wall-clock seconds from the first sample until every pool was ready (NaN while filling or after a timeout).</summary>
    public double FillSeconds => _readySeconds - _firstSeconds;

    /// <summary>
    /// Advances to the sample at <paramref name="wallSeconds"/>, where <paramref name="poolsReady"/> says whether every
    /// pool holds the ready level; returns the phase after this sample. A phase is entered at the sample that reaches
    /// it, so the caller takes the window's first mark when it sees <see cref="WindowPhase.Measuring"/> first, and the
    /// last one when it sees <see cref="WindowPhase.Done"/>.
    /// </summary>
    public WindowPhase Advance(double wallSeconds, bool poolsReady)
    {
        if (double.IsNaN(_firstSeconds))
        {
            _firstSeconds = wallSeconds;
        }

        switch (Phase)
        {
            case WindowPhase.Filling when poolsReady:
                _readySeconds = wallSeconds;
                Phase = WindowPhase.WarmingUp;
                return Advance(wallSeconds, poolsReady); // a zero warm-up opens the window at this sample
            case WindowPhase.Filling when wallSeconds - _firstSeconds >= _fillLimitSeconds:
                Phase = WindowPhase.FillTimedOut;
                break;
            case WindowPhase.WarmingUp when wallSeconds - _readySeconds >= _warmUpSeconds:
                _openSeconds = wallSeconds;
                Phase = WindowPhase.Measuring;
                break;
            case WindowPhase.Measuring when wallSeconds - _openSeconds >= _windowSeconds:
                Phase = WindowPhase.Done;
                break;
        }

        return Phase;
    }
}
