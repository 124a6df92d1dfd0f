using GatewayQkd.Core.Ports;

namespace GatewayQkd.Benchmarks;

/// <summary>An indicator that shows nothing (benchmarks measure the core, not the LEDs).</summary>
internal sealed class NullIndicator : IIndicator
{
    public void Show(IndicatorState state)
    {
    }

    public void ShowPoolLevel(int percent)
    {
    }
}

/// <summary>A log that writes nothing.</summary>
internal sealed class NullLog : ILog
{
    public void Write(LogLevel level, string message)
    {
    }
}

/// <summary>A message bus that drops everything.</summary>
internal sealed class NullBus : IMessageBus
{
    public void Publish(string topic, byte[] payload)
    {
    }

    public void Subscribe(string topicFilter)
    {
    }
}
