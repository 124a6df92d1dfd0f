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
    private readonly Func<string>? _timestamp;

    /// <summary>Creates a log keeping the last <paramref name="keep"/> lines and writing every line to <paramref name="sink"/>.</summary>
    public RunLog(TextWriter? sink = null, int keep = 8)
        : this(sink, keep, null)
    {
    }

    /// <summary>Creates a log as above whose lines start with <paramref name="timestamp"/>() (default: UTC time of day; a virtual-time run gives its own clock).</summary>
    public RunLog(TextWriter? sink, int keep, Func<string>? timestamp)
    {
        _timestamp = timestamp;
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
        var line = $"{_timestamp?.Invoke() ?? DateTime.UtcNow.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)} {LevelName(level),-7} {message}";
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
