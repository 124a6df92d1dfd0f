namespace GatewayQkd.Core.Ports
{
    /// <summary>Status output (device: LEDs; host: the live view or nothing).</summary>
    public interface IIndicator
    {
        /// <summary>Shows the gateway's state.</summary>
        void Show(IndicatorState state);

        /// <summary>Shows the pool fill level, 0..100 percent of capacity.</summary>
        void ShowPoolLevel(int percent);
    }
}
