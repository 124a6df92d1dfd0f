using System.Text;
using System.Text.RegularExpressions;

namespace GatewayQkd.Cli.Tests.Kms;

/// <summary>
/// A thread-safe text writer for a command running on another task: completes <see cref="Match"/> with the first
/// match of a pattern in what was written so far, so a test waits for "listening on URL" instead of sleeping.
/// </summary>
internal sealed class LineSignallingWriter(Regex pattern) : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly TaskCompletionSource<Match> _match = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Encoding Encoding => Encoding.UTF8;

    public Task<Match> Match => _match.Task;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(string? value)
    {
        lock (_text)
        {
            _text.Append(value);
            if (!_match.Task.IsCompleted && pattern.Match(_text.ToString()) is { Success: true } match)
            {
                _match.SetResult(match);
            }
        }
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }
}
