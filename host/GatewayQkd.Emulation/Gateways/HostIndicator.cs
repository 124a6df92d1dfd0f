using GatewayQkd.Core.Ports;

namespace GatewayQkd.Emulation.Gateways;

/// <summary>The emulated gateway's status LED: remembers the last state and pool level for the live view.</summary>
public sealed class HostIndicator : IIndicator
{
    private volatile int _state;
    private volatile int _percent;

    /// <summary>Gets the last state shown.</summary>
    public IndicatorState State => (IndicatorState)_state;

    /// <summary>Gets the last pool level shown (percent).</summary>
    public int PoolPercent => _percent;

    /// <inheritdoc />
    public void Show(IndicatorState state) => _state = (int)state;

    /// <inheritdoc />
    public void ShowPoolLevel(int percent) => _percent = percent;
}
