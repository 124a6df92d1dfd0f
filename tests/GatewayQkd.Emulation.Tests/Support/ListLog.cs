using GatewayQkd.Core.Ports;

namespace GatewayQkd.Emulation.Tests.Support;

/// <summary>A log that keeps lines in memory so a failing test can show them.</summary>
internal sealed class ListLog : ILog
{
    private readonly List<string> _lines = [];

    public string[] Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public void Write(LogLevel level, string message)
    {
        lock (_lines)
        {
            _lines.Add($"{level}: {message}");
        }
    }
}
