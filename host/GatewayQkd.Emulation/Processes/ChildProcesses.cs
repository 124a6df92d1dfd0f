using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;

namespace GatewayQkd.Emulation.Processes;

/// <summary>
/// The child processes this program started and has not ended yet (board twins, Mosquitto), so that a stop by SIGINT
/// or SIGTERM can end every one of them even when the code that owns a child never reaches its dispose (a forced exit
/// after the grace period, a command that stops without waiting for its work): a child must never outlive the program
/// that started it. Thread-safe.
/// </summary>
public static class ChildProcesses
{
    private static readonly ConcurrentDictionary<Process, bool> Running = new();

    /// <summary>Gets the number of tracked children.</summary>
    public static int Count => Running.Count;

    /// <summary>Tracks a started child until <see cref="Forget"/>.</summary>
    public static void Track(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        Running[process] = true;
    }

    /// <summary>Stops tracking a child its owner has ended (call before disposing the <see cref="Process"/>).</summary>
    public static void Forget(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        Running.TryRemove(process, out _);
    }

    /// <summary>Kills every tracked child that still runs (with its own children) and returns how many it killed.</summary>
    public static int KillAll()
    {
        var killed = 0;
        foreach (var process in Running.Keys)
        {
            Running.TryRemove(process, out _);
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(1000);
                    killed++;
                }
            }
            catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
            {
                // already gone, or disposed by its owner meanwhile: nothing left to end
            }
        }

        return killed;
    }
}
