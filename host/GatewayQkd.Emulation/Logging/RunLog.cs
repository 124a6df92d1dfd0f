using GatewayQkd.Core.Ports;

namespace GatewayQkd.Emulation.Logging;

/// <summary>
/// The host's <see cref="ILog"/>: keeps the latest lines for the live view, counts lines per level for the report,
/// and copies every line to an optional writer (a log file). Thread-safe.
/// </summary>
public sealed class RunLog : ILog
{
    private readonly Queue<string> _recent = new();
    private readonly long[] _counts = new long[4];
    private readonly TextWriter? _sink;
    private readonly int _keep;

    /// <summary>Creates a log keeping the last <paramref name="keep"/> lines and writing every line to <paramref name="sink"/>.</summary>
    public RunLog(TextWriter? sink = null, int keep = 8)
    {
        _sink = sink;
        _keep = keep;
    }

    /// <summary>Gets the number of lines written at <paramref name="level"/>.</summary>
    public long Count(LogLevel level) => Interlocked.Read(ref _counts[(int)level]);

    /// <summary>Returns the latest lines, oldest first.</summary>
    public string[] Recent()
    {
        lock (_recent)
        {
            return [.. _recent];
        }
    }

    /// <inheritdoc />
    public void Write(LogLevel level, string message)
    {
        Interlocked.Increment(ref _counts[(int)level]);
        var line = $"{DateTime.UtcNow:HH:mm:ss.fff} {LevelName(level),-7} {message}";
        lock (_recent)
        {
            if (level >= LogLevel.Info)
            {
                _recent.Enqueue(line);
                while (_recent.Count > _keep)
                {
                    _recent.Dequeue();
                }
            }

            _sink?.WriteLine(line);
        }
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Debug => "debug",
        LogLevel.Info => "info",
        LogLevel.Warning => "warning",
        _ => "error",
    };
}
