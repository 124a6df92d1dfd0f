using System.Runtime.InteropServices;
using GatewayQkd.Emulation.Processes;

namespace GatewayQkd.Cli.Commands;

/// <summary>
/// The one stop mechanism of every command (docs/stopping.md): SIGINT (Ctrl+C) and SIGTERM cancel the token the command
/// runs with, the command finishes what it must (closes its state, writes its report marked partial, ends its child
/// processes), and the program exits with 128 + the signal number: 130 for SIGINT, 143 for SIGTERM, as a shell reports
/// a program the signal ended. If the command has not returned <see cref="GracePeriod"/> after the signal, or a second
/// signal comes, the program kills its children and exits at once with the same code.
/// </summary>
/// <remarks>
/// Why not System.CommandLine's own handling: in 2.0.0 it registers no signal handler unless
/// <c>InvocationConfiguration.ProcessTerminationTimeout</c> is set (dotnet/command-line-api v2.0.0,
/// src/System.CommandLine/InvocationConfiguration.cs:21 and Invocation/InvocationPipeline.cs:49-54), so the token a
/// command gets never fires and the runtime's default ends the process without any cleanup; and when it is set, an
/// action that stops in time returns its own exit code (Invocation/ProcessTerminationHandler.cs:82-95), so a run cut
/// short by Ctrl+C would exit 0. Here the token is passed to <c>ParseResult.InvokeAsync</c>, which links it into the
/// action's token (InvocationPipeline.cs:19), and the registrations use <see cref="PosixSignalRegistration"/> with
/// <c>Cancel = true</c> (the runtime's default action is suppressed; the program stops itself), as
/// ProcessTerminationHandler.cs:39-40 and 65-70 do.
/// </remarks>
public sealed class StopSignals : IDisposable
{
    /// <summary>Exit code after SIGINT (128 + 2).</summary>
    public const int InterruptExitCode = 130;

    /// <summary>Exit code after SIGTERM (128 + 15).</summary>
    public const int TerminateExitCode = 143;

    /// <summary>How long a command may take to stop after the signal before the program exits without it (the promise is 5 s).</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(4);

    private readonly CancellationTokenSource _stop = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly TextWriter _error;
    private int _exitCode;
    private Timer? _deadline;

    private StopSignals(TextWriter error) => _error = error;

    /// <summary>Gets the token that fires on the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Gets the exit code the received signal asks for (130 or 143), or null while no signal came.</summary>
    public int? ExitCode => Volatile.Read(ref _exitCode) is var code and > 0 ? code : null;

    /// <summary>Gets the received signal's name ("SIGINT", "SIGTERM"), or null while no signal came.</summary>
    public string? SignalName => ExitCode switch
    {
        InterruptExitCode => "SIGINT",
        TerminateExitCode => "SIGTERM",
        _ => null,
    };

    /// <summary>Registers the handlers; messages about the stop go to <paramref name="error"/>.</summary>
    public static StopSignals Register(TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var signals = new StopSignals(error);
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try
            {
                signals._registrations.Add(PosixSignalRegistration.Create(signal, signals.OnSignal));
            }
            catch (PlatformNotSupportedException)
            {
                // a platform without this signal cannot send it either
            }
        }

        return signals;
    }

    /// <summary>
    /// Gets the signal that stopped this program's command ("SIGINT", "SIGTERM"), or null: what a partial report names
    /// (one command runs per program, so this is process-wide).
    /// </summary>
    public static string? Received { get; private set; }

    /// <summary>Returns why a command whose token fired stopped, for its report: "stopped early by SIGINT" (or "cancelled" without a signal).</summary>
    public static string StopReason() => Received is { } name ? $"stopped early by {name}" : "cancelled";

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _deadline?.Dispose();
        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // the program stops itself, below
        var code = context.Signal == PosixSignal.SIGINT ? InterruptExitCode : TerminateExitCode;
        if (Interlocked.CompareExchange(ref _exitCode, code, 0) != 0)
        {
            ForceExit($"{SignalName} again: exiting now.");
            return;
        }

        Received = SignalName;
        _error.WriteLine($"{SignalName} received: stopping (a second signal, or {GracePeriod.TotalSeconds:0} s, exits at once).");
        _deadline = new Timer(_ => ForceExit($"did not stop within {GracePeriod.TotalSeconds:0} s of {SignalName}: exiting now."), null, GracePeriod, Timeout.InfiniteTimeSpan);
        // The command's cancellation callbacks run on the thread pool, not on the runtime's signal thread.
        _ = Task.Run(_stop.Cancel);
    }

    private void ForceExit(string reason)
    {
        var killed = ChildProcesses.KillAll();
        _error.WriteLine($"gatewayqkd: {reason}{(killed > 0 ? $" ({killed} child processes killed)" : string.Empty)}");
        _error.Flush();
        Environment.Exit(ExitCode ?? TerminateExitCode);
    }
}
