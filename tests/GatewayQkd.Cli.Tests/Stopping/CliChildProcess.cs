using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace GatewayQkd.Cli.Tests.Stopping;

/// <summary>
/// The real `gatewayqkd` program (the gatewayqkd.dll built next to the tests) as a child process, so a test can send
/// it a signal as a shell or a service manager would, and see its exit code, its output and the processes it started.
/// </summary>
internal sealed class CliChildProcess : IDisposable
{
    public const int Sigint = 2;
    public const int Sigterm = 15;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private CliChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    public static CliChildProcess Start(string workingFolder, params string[] arguments)
    {
        AllowInterruptInChildren();
        var info = new ProcessStartInfo(DotnetHost()) { WorkingDirectory = workingFolder, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "gatewayqkd.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var child = new CliChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(child._output, e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(child._error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until <paramref name="text"/> shows on standard output; fails naming what came instead.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                Assert.Fail($"gatewayqkd exited ({_process.ExitCode}) before printing '{text}'. Output: {Output} Error: {Error}");
            }

            Assert.True(deadline.Elapsed < timeout, $"gatewayqkd did not print '{text}' within {timeout.TotalSeconds} s. Output: {Output} Error: {Error}");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits until a descendant process whose command line contains <paramref name="text"/> runs, and returns its id.</summary>
    public async Task<int> WaitForDescendantAsync(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var found = Descendants().FirstOrDefault(pid => CommandLine(pid).Contains(text, StringComparison.Ordinal));
            if (found != 0)
            {
                return found;
            }

            if (_process.HasExited)
            {
                Assert.Fail($"gatewayqkd exited before starting '{text}'. Output: {Output} Error: {Error}");
            }

            Assert.True(deadline.Elapsed < timeout, $"gatewayqkd started no '{text}' within {timeout.TotalSeconds} s. Output: {Output} Error: {Error}");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Waits until the program has used <paramref name="seconds"/> of CPU time (utime + stime in /proc/PID/stat): for a
    /// command that prints nothing until it ends, the sign that it is past start-up and at work.
    /// </summary>
    public async Task WaitForCpuSecondsAsync(double seconds, TimeSpan timeout)
    {
        var ticksPerSecond = 100.0; // USER_HZ, 100 on Linux (proc(5): "measured in clock ticks (divide by sysconf(_SC_CLK_TCK))")
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var stat = ReadOrNull($"/proc/{_process.Id}/stat") ?? string.Empty;
            var fields = stat.Length == 0 ? [] : stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After "pid (comm)": state is field 0, utime field 11, stime field 12 (proc(5) fields 14 and 15).
            if (fields.Length > 12 && (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ticksPerSecond >= seconds)
            {
                return;
            }

            if (_process.HasExited)
            {
                Assert.Fail($"gatewayqkd exited ({_process.ExitCode}) while starting. Output: {Output} Error: {Error}");
            }

            Assert.True(deadline.Elapsed < timeout, $"gatewayqkd did not use {seconds} s of CPU within {timeout.TotalSeconds} s. Output: {Output} Error: {Error}");
            await Task.Delay(100);
        }
    }

    /// <summary>Sends signal <paramref name="signal"/> to the program (kill(2)).</summary>
    public void Signal(int signal) => Assert.Equal(0, Kill(_process.Id, signal));

    /// <summary>Waits for the exit at most <paramref name="timeout"/>; returns the exit code, or null when it still runs.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        _process.WaitForExit(); // the output's last lines
        return _process.ExitCode;
    }

    /// <summary>Returns every process below the program (children, grandchildren), read from /proc.</summary>
    public IReadOnlyList<int> Descendants()
    {
        var parents = new Dictionary<int, int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && ParentOf(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }

        var found = new List<int>();
        var frontier = new Queue<int>([_process.Id]);
        while (frontier.TryDequeue(out var current))
        {
            foreach (var (pid, parent) in parents)
            {
                if (parent == current)
                {
                    found.Add(pid);
                    frontier.Enqueue(pid);
                }
            }
        }

        return found;
    }

    public static bool IsRunning(int pid)
    {
        // A killed child the program has not reaped yet shows as a zombie ("Z"): it no longer runs.
        var stat = ReadOrNull($"/proc/{pid}/stat");
        return stat is not null && stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0] != "Z";
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    // A test run started in the background by a shell without job control inherits SIGINT ignored, and so would the
    // program (the runtime keeps a signal ignored at start ignored, as `nohup` expects); a shell's Ctrl+C reaches a
    // foreground program with the default disposition, which is what these tests need to reproduce.
    private static void AllowInterruptInChildren()
    {
        var ignored = (ReadOrNull("/proc/self/status") ?? string.Empty).Split('\n').FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        if (ignored is not null && (ulong.Parse(ignored[7..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << (Sigint - 1))) != 0)
        {
            SetDefaultDisposition(Sigint, IntPtr.Zero); // SIG_DFL
        }
    }

    private static int? ParentOf(int pid)
    {
        var stat = ReadOrNull($"/proc/{pid}/stat");
        if (stat is null)
        {
            return null;
        }

        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[1], CultureInfo.InvariantCulture);
    }

    private static string CommandLine(int pid) => (ReadOrNull($"/proc/{pid}/cmdline") ?? string.Empty).Replace('\0', ' ');

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // the process ended meanwhile
        }
    }

    private static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }

    private void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.AppendLine(line);
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [DllImport("libc", EntryPoint = "signal")]
    private static extern IntPtr SetDefaultDisposition(int signal, IntPtr handler);
}
