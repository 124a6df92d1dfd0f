using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace GatewayQkd.Emulation.Broker;

/// <summary>
/// A clustered MQTT broker for runs that outgrow one broker: a NATS server cluster (Debian: apt-get install nats-server)
/// of <see cref="NodeCount"/> nodes on loopback, each with JetStream (which holds MQTT sessions, QoS 1 messages and
/// retained messages, replicated over the cluster) and an MQTT 3.1.1 listener. Clients are given every node's address
/// (<see cref="Endpoint"/>'s <see cref="BrokerEndpoint.Fallbacks"/>) and move to another node when theirs dies.
/// </summary>
/// <remarks>
/// Why NATS rather than RabbitMQ's MQTT plugin: one static binary with a plain config file, persistent MQTT sessions and
/// QoS 1 replicated by JetStream's Raft groups (a 3-node cluster keeps working with one node down), and starts in well
/// under a second on loopback; RabbitMQ needs the Erlang runtime, a shared cookie and node names resolvable by DNS.
/// What NATS's MQTT interface supports (https://docs.nats.io/running-a-nats-service/configuration/mqtt; nats-io/nats-server
/// `server/mqtt.go`, protocol level 4): MQTT 3.1.1 only - a client asking for MQTT 5 gets CONNACK code 1, "unacceptable
/// protocol version" -, QoS 0 and 1 (Debian's 2.9 has no QoS 2; we use QoS 1 only), clean-session false sessions, will
/// messages and retained messages, all kept in JetStream, so an MQTT client needs a JetStream-enabled account.
/// The gateways' M2Mqtt client connects as 3.1.1 with QoS 1, a persistent session and a retained will, so it fits; the
/// host bus connects as 3.1.1 here (<see cref="BrokerEndpoint.ProtocolVersion"/>).
/// </remarks>
public sealed class NatsCluster : IAsyncDisposable
{
    /// <summary>How long a node may take to accept MQTT connections after it starts (JetStream elects its leader first).</summary>
    /// <remarks>
    /// The wait ends as soon as a node answers. 30 s was once too short in a full test run on a loaded 2-core machine:
    /// node n1 kept refusing CONNECT with "create sessions stream ... no suitable peers for placement" (the three nodes'
    /// JetStream had not yet placed the replicated MQTT session stream).
    /// </remarks>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private static readonly string[] SearchPaths = ["/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server"];
    private readonly string _binary;
    private readonly string _folder;
    private readonly Node[] _nodes;

    private NatsCluster(string binary, string folder, Node[] nodes)
    {
        _binary = binary;
        _folder = folder;
        _nodes = nodes;
        var addresses = nodes.Select(n => new BrokerAddress("127.0.0.1", n.MqttPort)).ToArray();
        Endpoint = new BrokerEndpoint
        {
            Host = addresses[0].Host,
            Port = addresses[0].Port,
            ProtocolVersion = MqttProtocol.V311,
            Fallbacks = addresses[1..],
        };
    }

    /// <summary>Gets the number of nodes.</summary>
    public int NodeCount => _nodes.Length;

    /// <summary>Gets the endpoint clients use: the first node, the others as fallbacks, MQTT 3.1.1.</summary>
    public BrokerEndpoint Endpoint { get; }

    /// <summary>Gets the MQTT port of node <paramref name="index"/> (0-based).</summary>
    public int MqttPort(int index) => _nodes[index].MqttPort;

    /// <summary>Gets a value indicating whether node <paramref name="index"/> runs.</summary>
    public bool IsRunning(int index) => _nodes[index].Process is { HasExited: false };

    /// <summary>Gets the CPU time the running nodes used so far (a killed node's is no longer counted).</summary>
    public TimeSpan ProcessorTime => _nodes.Select(n => n.Process).Aggregate(TimeSpan.Zero, (sum, p) =>
    {
        try
        {
            return p is { HasExited: false } ? sum + p.TotalProcessorTime : sum;
        }
        catch (InvalidOperationException)
        {
            return sum; // exited meanwhile
        }
    });

    /// <summary>Returns the path of nats-server, or throws with the command that installs it.</summary>
    public static string FindBinary() => InstalledBinary.Find("nats-server", SearchPaths, "nats-server binary", "nats-server");

    /// <summary>
    /// Starts a cluster of <paramref name="nodes"/> (at least 3, so JetStream keeps a quorum with one node down) in a temp
    /// folder and waits until every node accepts MQTT connections.
    /// </summary>
    public static async Task<NatsCluster> StartAsync(int nodes = 3)
    {
        if (nodes < 3)
        {
            throw new ArgumentOutOfRangeException(nameof(nodes), nodes, "A NATS cluster needs at least 3 nodes to survive the loss of one (JetStream's Raft quorum).");
        }

        var binary = FindBinary();
        var folder = Directory.CreateTempSubdirectory("gatewayqkd-nats-").FullName;
        var list = new Node[nodes];
        for (var i = 0; i < nodes; i++)
        {
            list[i] = new Node($"n{i + 1}", FreeTcpPort.Find(), FreeTcpPort.Find(), FreeTcpPort.Find());
        }

        var routes = string.Join(", ", list.Select(n => $"nats-route://127.0.0.1:{n.RoutePort}"));
        foreach (var node in list)
        {
            node.ConfigFile = Path.Combine(folder, node.Name + ".conf");
            var config = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"server_name: {node.Name}\n")
                .Append(CultureInfo.InvariantCulture, $"listen: 127.0.0.1:{node.ClientPort}\n")
                .Append(CultureInfo.InvariantCulture, $"jetstream {{ store_dir: \"{Path.Combine(folder, node.Name)}\" }}\n")
                .Append(CultureInfo.InvariantCulture, $"cluster {{ name: gatewayqkd, listen: 127.0.0.1:{node.RoutePort}, routes: [ {routes} ] }}\n")
                // NATS's default max_payload (1 MiB) is above the largest frame (MqttMessageBus.MaxPayloadBytes, 96 KiB)
                .Append(CultureInfo.InvariantCulture, $"mqtt {{ listen: 127.0.0.1:{node.MqttPort} }}\n");
            await File.WriteAllTextAsync(node.ConfigFile, config.ToString()).ConfigureAwait(false);
        }

        var cluster = new NatsCluster(binary, folder, list);
        try
        {
            for (var i = 0; i < nodes; i++)
            {
                cluster.Launch(i);
            }

            for (var i = 0; i < nodes; i++)
            {
                await cluster.WaitReadyAsync(i).ConfigureAwait(false);
            }
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return cluster;
    }

    /// <summary>Kills node <paramref name="index"/> (SIGKILL: a crash, not a shutdown); its clients must fail over.</summary>
    public async Task KillAsync(int index)
    {
        var node = _nodes[index];
        if (node.Process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }

        if (node.Process is not null)
        {
            Processes.ChildProcesses.Forget(node.Process);
        }

        node.Process?.Dispose();
        node.Process = null;
    }

    /// <summary>Starts node <paramref name="index"/> again with its JetStream folder and waits until it accepts MQTT.</summary>
    public async Task RestartAsync(int index)
    {
        await KillAsync(index).ConfigureAwait(false);
        Launch(index);
        await WaitReadyAsync(index).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        for (var i = 0; i < _nodes.Length; i++)
        {
            await KillAsync(i).ConfigureAwait(false);
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

    private void Launch(int index)
    {
        var node = _nodes[index];
        var start = new ProcessStartInfo(_binary, ["-c", node.ConfigFile])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        node.Output.Clear();
        node.Process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_binary}.");
        Processes.ChildProcesses.Track(node.Process); // a stopped program ends its nodes even if this cluster is never disposed
        node.Process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        node.Process.OutputDataReceived += (_, e) => node.Append(e.Data);
        node.Process.BeginErrorReadLine();
        node.Process.BeginOutputReadLine();
    }

    // A node accepts a TCP connection on its MQTT port before JetStream (which holds the sessions) has a leader; an MQTT
    // CONNECT with a persistent session is answered only once it does, so readiness is a real MQTT 3.1.1 handshake.
    private async Task WaitReadyAsync(int index)
    {
        var node = _nodes[index];
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await MqttHandshake.TryAsync("127.0.0.1", node.MqttPort, "gatewayqkd-ready-" + node.Name).ConfigureAwait(false))
        {
            if (node.Process is null || node.Process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException(
                    $"nats-server {node.Name} did not accept MQTT connections on 127.0.0.1:{node.MqttPort} within {StartTimeout.TotalSeconds:0} s: {node.Tail()}");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    private sealed class Node(string name, int clientPort, int routePort, int mqttPort)
    {
        public string Name { get; } = name;

        public int ClientPort { get; } = clientPort;

        public int RoutePort { get; } = routePort;

        public int MqttPort { get; } = mqttPort;

        public string ConfigFile { get; set; } = string.Empty;

        public Process? Process { get; set; }

        public StringBuilder Output { get; } = new();

        public void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (Output)
            {
                Output.AppendLine(line);
            }
        }

        public string Tail()
        {
            lock (Output)
            {
                var text = Output.ToString().Trim();
                return text.Length == 0 ? "no output" : text[Math.Max(0, text.Length - 2000)..];
            }
        }
    }
}
