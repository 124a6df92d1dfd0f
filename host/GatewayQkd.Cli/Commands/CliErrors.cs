using System.CommandLine;
using System.Net.Sockets;
using System.Security;
using System.Security.Cryptography;

namespace GatewayQkd.Cli.Commands;

/// <summary>
/// Runs a parsed command line and turns the ordinary failures of a command-line program (a file or folder that cannot
/// be written or read, a port in use, a host that cannot be reached) into one line on the error stream and exit code 1,
/// instead of a .NET stack trace; `--verbose` prints the whole exception as well. Programming errors (anything else)
/// still surface with their trace, because they are bugs to report.
/// </summary>
public static class CliErrors
{
    /// <summary>Exit code of a run that failed on its environment (file, port, network).</summary>
    public const int EnvironmentFailure = 1;

    /// <summary>The name of the root option that makes an error show its full exception (with stack trace).</summary>
    public const string VerboseName = "--verbose";

    /// <summary>Creates the root's `--verbose` option (recursive: every command accepts it).</summary>
    public static Option<bool> CreateVerboseOption()
    {
        var option = Options.CliOption.Described<bool>(VerboseName, "Show the full exception (stack trace) when a command fails.");
        option.Recursive = true;
        return option;
    }

    /// <summary>Invokes <paramref name="parse"/>; an environment failure prints one line naming the command and returns <see cref="EnvironmentFailure"/>.</summary>
    public static async Task<int> InvokeAsync(ParseResult parse, InvocationConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(parse);
        configuration ??= new InvocationConfiguration();
        configuration.EnableDefaultExceptionHandler = false;
        try
        {
            return await parse.InvokeAsync(configuration).ConfigureAwait(false);
        }
        catch (Exception e) when (Describe(e) is { } line)
        {
            await configuration.Error.WriteLineAsync($"{parse.CommandResult.Command.Name}: {line}").ConfigureAwait(false);
            if (IsVerbose(parse))
            {
                await configuration.Error.WriteLineAsync(e.ToString()).ConfigureAwait(false);
            }

            return EnvironmentFailure;
        }
    }

    private static bool IsVerbose(ParseResult parse) =>
        parse.RootCommandResult.Command.Options.Any(o => o.Name == VerboseName) && parse.GetValue<bool>(VerboseName);

    /// <summary>Returns the one-line explanation of an environment failure, or null for an exception that is a bug.</summary>
    public static string? Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            return Describe(aggregate.InnerExceptions[0]);
        }

        return exception switch
        {
            SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } => $"a port is already in use ({exception.Message}); choose another port or stop the program that holds it.",
            SocketException { SocketErrorCode: SocketError.AccessDenied } => $"not allowed to use the port ({exception.Message}); ports below 1024 need privileges.",
            SocketException => $"network error: {exception.Message}.",
            DirectoryNotFoundException or FileNotFoundException => $"{exception.Message.TrimEnd('.')}: the path does not exist or cannot be created here (check the file or folder option).",
            PathTooLongException => $"{exception.Message} (check the file or folder option).",
            UnauthorizedAccessException or SecurityException => $"{exception.Message.TrimEnd('.')}: no permission (check the file or folder option).",
            IOException => $"{exception.Message.TrimEnd('.')} (check the file or folder option).",
            CryptographicException => $"a certificate or key could not be read: {exception.Message}",
            _ => null,
        };
    }
}
