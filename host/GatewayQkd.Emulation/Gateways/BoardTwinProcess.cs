using System.Collections.Concurrent;
using System.Diagnostics;
using GatewayQkd.Core.Ports;
using GatewayQkd.Emulation.Processes;

namespace GatewayQkd.Emulation.Gateways;

/// <summary>
/// A board twin (host/GatewayQkd.BoardTwin: the firmware/Device application on stand-ins of the nanoFramework APIs) as a
/// child process: it reads its settings from its drive folder and joins the run over TCP like a board. Its serial
/// console goes to the run's log; <see cref="KillAsync"/> cuts its power (SIGKILL: no flush, no close, no goodbye).
/// </summary>
public sealed class BoardTwinProcess : IAsyncDisposable
{
    /// <summary>The twin program, next to the host program (the CLI and the tests reference its project).</summary>
    public const string AssemblyFileName = "GatewayQkd.BoardTwin.dll";

    private const int MaxLines = 2000;
    private readonly Process _process;
    private readonly ILog _log;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BoardTwinProcess(ushort gatewayId, Process process, ILog log)
    {
        GatewayId = gatewayId;
        _process = process;
        _log = log;
    }

    /// <summary>Gets the gateway id the twin runs as.</summary>
    public ushort GatewayId { get; }

    /// <summary>Gets a value indicating whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Gets the console lines so far (the latest 2000).</summary>
    public IReadOnlyCollection<string> Lines => [.. _lines];

    /// <summary>Returns the twin program's path, or null when it is not next to the host program.</summary>
    public static string? Locate()
    {
        var path = Path.Combine(AppContext.BaseDirectory, AssemblyFileName);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Powers the twin on with <paramref name="driveFolder"/> as its I:\ drive.</summary>
    /// <exception cref="InvalidOperationException">The twin program is not next to the host program.</exception>
    public static BoardTwinProcess Start(ushort gatewayId, string driveFolder, ILog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var twin = Locate() ?? throw new InvalidOperationException(
            $"The board twin ({AssemblyFileName}) is not next to {AppContext.BaseDirectory}; build host/GatewayQkd.BoardTwin (the CLI references it).");
        var info = new ProcessStartInfo(DotnetHost()) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { twin, "--drive", Path.GetFullPath(driveFolder) })
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info };
        var started = new BoardTwinProcess(gatewayId, process, log);
        process.OutputDataReceived += (_, e) => started.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => started.OnLine(e.Data is null ? null : "E " + e.Data);
        process.Start();
        ChildProcesses.Track(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>Waits until the firmware reports it is running (connected to the broker), at most <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitUntilRunningAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var exited = _process.WaitForExitAsync(cancellationToken);
        var done = await Task.WhenAny(_running.Task, exited, Task.Delay(timeout, cancellationToken)).ConfigureAwait(false);
        return done == _running.Task;
    }

    /// <summary>Holds the zeroize button down, or lets it go.</summary>
    public async Task SetZeroizeButtonAsync(bool pressed)
    {
        await _process.StandardInput.WriteLineAsync(pressed ? "press" : "release").ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Cuts the power: kills the process at once and waits for it to be gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await KillAsync().ConfigureAwait(false);
        ChildProcesses.Forget(_process);
        _process.Dispose();
    }

    // The running dotnet host (tests, `dotnet run`), else the one on PATH.
    private static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        while (_lines.Count > MaxLines && _lines.TryDequeue(out _))
        {
        }

        var level = line.Length > 1 && line[1] == ' ' ? line[0] switch { 'D' => LogLevel.Debug, 'I' => LogLevel.Info, 'W' => LogLevel.Warning, _ => LogLevel.Error } : LogLevel.Info;
        _log.Write(level, $"board twin gn-{GatewayId}: {(line.Length > 2 && line[1] == ' ' ? line[2..] : line)}");
        if (line.EndsWith($"Gateway {GatewayId} running.", StringComparison.Ordinal))
        {
            _running.TrySetResult();
        }
    }
}
