using System.Text.RegularExpressions;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Cli.Tests.Guide;

/// <summary>hardware/bench-guide.md as data: its fenced command blocks (with their language) and its settings table.</summary>
internal static partial class BenchGuide
{
    public static string Text { get; } = File.ReadAllText(RepositoryPaths.Of("hardware/bench-guide.md"));

    /// <summary>Gets every command line of the fenced blocks: (block language, words), trailing "  # comment" removed.</summary>
    public static IReadOnlyList<(string Language, string[] Words)> Commands { get; } = ReadCommands();

    /// <summary>Returns the commands starting with <paramref name="program"/>, optionally only in blocks of one language.</summary>
    public static IReadOnlyList<string[]> CommandsOf(string program, string? language = null) =>
        [.. Commands.Where(c => c.Words.Length > 0 && c.Words[0] == program && (language is null || c.Language == language)).Select(c => c.Words)];

    /// <summary>Returns the rows of the markdown table whose header starts with <paramref name="firstHeader"/>, as cells.</summary>
    public static IReadOnlyList<string[]> Table(string firstHeader)
    {
        var lines = Text.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("| " + firstHeader + " |", StringComparison.Ordinal));
        Assert.True(start >= 0, $"no table headed '{firstHeader}' in the bench guide");
        return [.. lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|')).Select(l => l.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())];
    }

    /// <summary>Splits a command line into words ('single' and "double" quotes group, as a shell would).</summary>
    public static string[] Split(string line)
    {
        var words = new List<string>();
        foreach (Match m in WordPattern().Matches(line))
        {
            words.Add(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value);
        }

        return [.. words];
    }

    private static List<(string, string[])> ReadCommands()
    {
        var found = new List<(string, string[])>();
        string? language = null;
        foreach (var raw in Text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                language = language is null ? line[3..].Trim() : null;
                continue;
            }

            if (language is null)
            {
                continue;
            }

            var comment = line.IndexOf("  #", StringComparison.Ordinal);
            var command = (comment >= 0 ? line[..comment] : line).Trim();
            if (command.Length > 0 && !command.StartsWith('#'))
            {
                found.Add((language, Split(command)));
            }
        }

        return found;
    }

    [GeneratedRegex("'([^']*)'|\"([^\"]*)\"|(\\S+)")]
    private static partial Regex WordPattern();
}
