using GatewayQkd.Core.Ports;

namespace GatewayQkd.BoardTwin.Tests.Support;

/// <summary>A log that drops everything (the twin's own lines are kept by BoardTwinProcess.Lines).</summary>
internal sealed class NullLog : ILog
{
    public void Write(LogLevel level, string message)
    {
    }
}
