using GatewayQkd.Core.Ports;

namespace GatewayQkd.Cli.Commands.Fuzz;

/// <summary>The gateway's clock, bus, indicator and log for fuzzing: a settable clock, a bus that only counts, no output.</summary>
internal sealed class FuzzPorts : IClock, IMessageBus, IIndicator, ILog
{
    public long NowMilliseconds { get; set; }

    public long Published { get; private set; }

    public void Publish(string topic, byte[] payload) => Published++;

    public void Subscribe(string topicFilter)
    {
    }

    public void Show(IndicatorState state)
    {
    }

    public void ShowPoolLevel(int percent)
    {
    }

    public void Write(LogLevel level, string message)
    {
    }
}
