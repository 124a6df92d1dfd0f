using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using GatewayQkd.Emulation.Processes;

namespace GatewayQkd.Emulation.Broker;

/// <summary>
/// A Mosquitto broker run as a child process on loopback with a generated config in a temp folder: used by the
/// integration tests and by `bench` to compare against the embedded broker. Needs the `mosquitto` binary
/// (Debian: apt-get install mosquitto).
/// </summary>
public sealed class MosquittoProcess : IAsyncDisposable
{
    private static readonly string[] SearchPaths = ["/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto", "/usr/bin/mosquitto", "/opt/homebrew/sbin/mosquitto"];
    private readonly string _binary;
    private readonly string? _folder;
    private readonly string _configFile;
    private Process? _process;

    private MosquittoProcess(string binary, string? folder, string configFile, int port, BrokerEndpoint endpoint)
    {
        _binary = binary;
        _folder = folder;
        _configFile = configFile;
        Port = port;
        Endpoint = endpoint;
    }

    /// <summary>Gets the port Mosquitto listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>Gets the endpoint clients use, with credentials and TLS when configured.</summary>
    public BrokerEndpoint Endpoint { get; }

    /// <summary>Gets a value indicating whether the process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Gets the CPU time the broker process used so far (user + system; zero when it is not running), for benchmarks' CPU per message.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            if (_process is not { HasExited: false } process)
            {
                return TimeSpan.Zero;
            }

            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// Returns the path of the mosquitto binary (PATH first, then the usual install folders), or throws with the
    /// command that installs it.
    /// </summary>
    public static string FindBinary() => InstalledBinary.Find("mosquitto", SearchPaths, "mosquitto broker binary", "mosquitto");

    /// <summary>
    /// Starts Mosquitto on <paramref name="port"/> (0 = a free one) and waits until it accepts connections. With a user
    /// name, anonymous clients are refused; with a certificate and key (PEM files), the listener speaks TLS only.
    /// </summary>
    public static async Task<MosquittoProcess> StartAsync(int port = 0, string? username = null, string? password = null, string? certificatePemFile = null, string? keyPemFile = null)
    {
        var binary = FindBinary();
        port = port == 0 ? FreeTcpPort.Find() : port;
        var folder = Directory.CreateTempSubdirectory("gatewayqkd-mosquitto-").FullName;
        var config = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"listener {port} 127.0.0.1\n")
            .Append(CultureInfo.InvariantCulture, $"user {Environment.UserName}\n") // as root, mosquitto would drop to user "mosquitto" and lose access to the temp files
            .Append("persistence false\n")
            .Append("max_queued_messages 100000\n")
            .Append("log_dest stderr\n")
            .Append("log_type error\n");
        if (username is null)
        {
            config.Append("allow_anonymous true\n");
        }
        else
        {
            var passwordFile = Path.Combine(folder, "passwd");
            await RunToEndAsync(Path.Combine(Path.GetDirectoryName(binary)!, "..", "bin", "mosquitto_passwd"), "-b", "-c", passwordFile, username, password ?? string.Empty).ConfigureAwait(false);
            config.Append("allow_anonymous false\n").Append(CultureInfo.InvariantCulture, $"password_file {passwordFile}\n");
        }

        if (certificatePemFile is not null && keyPemFile is not null)
        {
            config.Append(CultureInfo.InvariantCulture, $"certfile {certificatePemFile}\nkeyfile {keyPemFile}\n");
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "mosquitto.conf"), config.ToString()).ConfigureAwait(false);
        var endpoint = new BrokerEndpoint
        {
            Host = "127.0.0.1",
            Port = port,
            Username = username,
            Password = password,
            UseTls = certificatePemFile is not null,
            AllowUntrustedCertificates = certificatePemFile is not null,
        };
        var broker = new MosquittoProcess(binary, folder, Path.Combine(folder, "mosquitto.conf"), port, endpoint);
        await broker.RestartAsync().ConfigureAwait(false);
        return broker;
    }

    /// <summary>
    /// Starts Mosquitto with a configuration file of the caller's (kept on dispose) that listens on 127.0.0.1 (or every
    /// interface) port <paramref name="port"/>, and waits until it accepts connections there.
    /// </summary>
    public static async Task<MosquittoProcess> StartWithConfigAsync(string configFile, int port)
    {
        ArgumentException.ThrowIfNullOrEmpty(configFile);
        var broker = new MosquittoProcess(FindBinary(), null, Path.GetFullPath(configFile), port, new BrokerEndpoint { Host = "127.0.0.1", Port = port });
        await broker.RestartAsync().ConfigureAwait(false);
        return broker;
    }

    /// <summary>Kills the broker process (clients see a dropped connection, as in a broker crash).</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }

        if (_process is not null)
        {
            ChildProcesses.Forget(_process);
            _process.Dispose();
        }

        _process = null;
    }

    /// <summary>Starts the broker again on the same port and config and waits until it accepts connections.</summary>
    public async Task RestartAsync()
    {
        await StopAsync().ConfigureAwait(false);
        var start = new ProcessStartInfo(_binary, ["-c", _configFile])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_binary}.");
        ChildProcesses.Track(_process);
        var errors = new StringBuilder();
        _process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await AcceptsAsync(Port).ConfigureAwait(false))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                string text;
                lock (errors)
                {
                    text = errors.ToString().Trim();
                }

                throw new InvalidOperationException($"mosquitto did not start listening on 127.0.0.1:{Port}: {(text.Length > 0 ? text : "no output")}");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (_folder is null)
        {
            return;
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task RunToEndAsync(string file, params string[] arguments)
    {
        var path = File.Exists(file) ? file : "mosquitto_passwd";
        using var process = Process.Start(new ProcessStartInfo(path, arguments) { RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException($"Could not start {path}.");
        var error = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{path} failed ({process.ExitCode}): {error.Trim()}");
        }
    }
}
