using GatewayQkd.Core.Ports;

namespace GatewayQkd.TestSupport;

/// <summary>An indicator that remembers every state and pool level shown.</summary>
public sealed class RecordingIndicator : IIndicator
{
    /// <summary>Gets the states shown, in order.</summary>
    public List<IndicatorState> States { get; } = [];

    /// <summary>Gets the last pool level shown (-1 before any).</summary>
    public int LastPoolLevel { get; private set; } = -1;

    /// <inheritdoc />
    public void Show(IndicatorState state) => States.Add(state);

    /// <inheritdoc />
    public void ShowPoolLevel(int percent) => LastPoolLevel = percent;
}
