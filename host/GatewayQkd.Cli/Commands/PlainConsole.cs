using Spectre.Console;

namespace GatewayQkd.Cli.Commands;

/// <summary>
/// Spectre consoles for text that goes to a writer rather than a terminal (files, pipes, tests): no colours or
/// cursor control, and wide enough that tables never wrap a number across lines (Spectre's fallback is 80 columns).
/// </summary>
internal static class PlainConsole
{
    /// <summary>The width used when the output is not a terminal.</summary>
    public const int Width = 240;

    /// <summary>Creates a plain console writing to <paramref name="writer"/>.</summary>
    public static IAnsiConsole For(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = Width;
        return console;
    }

    /// <summary>
    /// Creates a console for <paramref name="writer"/>: the terminal's own when it is the console and not redirected,
    /// otherwise a plain one (<see cref="For"/>).
    /// </summary>
    public static IAnsiConsole ForTerminalOrWriter(TextWriter writer) =>
        ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected
            ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) })
            : For(writer);
}
