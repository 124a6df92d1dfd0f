using GatewayQkd.Core.Ports;

namespace GatewayQkd.TestSupport;

/// <summary>A log that keeps its lines for assertions.</summary>
public sealed class RecordingLog : ILog
{
    /// <summary>Gets the lines written, with their level.</summary>
    public List<(LogLevel Level, string Message)> Lines { get; } = [];

    /// <inheritdoc />
    public void Write(LogLevel level, string message) => Lines.Add((level, message));
}
