using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;

namespace GatewayQkd.Emulation.Tests.Support;

/// <summary>
/// A network namespace joined to this one by a veth pair, standing in for a board on the LAN: this side gets
/// 198.18.x.y/30 (RFC 2544 benchmarking space, 198.18.0.0/15, never routed), the namespace the next address. Created by
/// the test and removed on dispose (deleting the namespace deletes the pair). Needs root and iproute2 (scripts/test.sh
/// installs it); when `ip netns` is unavailable the constructor throws with the reason: the test fails, it never skips.
/// </summary>
internal sealed class NetworkNamespace : IDisposable
{
    private NetworkNamespace(string name, IPAddress hostAddress, IPAddress namespaceAddress)
    {
        Name = name;
        HostAddress = hostAddress;
        NamespaceAddress = namespaceAddress;
    }

    /// <summary>Gets the namespace's name.</summary>
    public string Name { get; }

    /// <summary>Gets this side's address (what a board on that "LAN" connects to).</summary>
    public IPAddress HostAddress { get; }

    /// <summary>Gets the address inside the namespace.</summary>
    public IPAddress NamespaceAddress { get; }

    /// <summary>Creates the namespace and the veth pair with a random /30 out of 198.18.0.0/15.</summary>
    public static NetworkNamespace Create()
    {
        var tag = $"{Environment.ProcessId % 100000}{RandomNumberGenerator.GetInt32(100, 1000)}";
        var name = $"gqkd-{tag}";
        var hostSide = $"gq{tag}h"; // interface names are at most 15 characters
        var nsSide = $"gq{tag}n";
        var block = RandomNumberGenerator.GetInt32(0, 1 << 15) * 4; // one /30 of the 2^17 addresses
        var host = new IPAddress([198, (byte)(18 + (block >> 16)), (byte)((block >> 8) & 0xFF), (byte)((block & 0xFF) + 1)]);
        var inside = new IPAddress([198, (byte)(18 + (block >> 16)), (byte)((block >> 8) & 0xFF), (byte)((block & 0xFF) + 2)]);
        Require("ip", "netns", "list");
        Require("ip", "netns", "add", name);
        var created = new NetworkNamespace(name, host, inside);
        try
        {
            Require("ip", "link", "add", hostSide, "type", "veth", "peer", "name", nsSide);
            Require("ip", "link", "set", nsSide, "netns", name);
            Require("ip", "addr", "add", $"{host}/30", "dev", hostSide);
            Require("ip", "link", "set", hostSide, "up");
            Require("ip", "netns", "exec", name, "ip", "addr", "add", $"{inside}/30", "dev", nsSide);
            Require("ip", "netns", "exec", name, "ip", "link", "set", nsSide, "up");
            Require("ip", "netns", "exec", name, "ip", "link", "set", "lo", "up");
            WaitUntilUp(hostSide);
            return created;
        }
        catch
        {
            created.Dispose();
            Run("ip", "link", "delete", hostSide);
            throw;
        }
    }

    /// <summary>Runs a program inside the namespace; returns its exit code and its output and error text.</summary>
    public Task<(int ExitCode, string Output)> RunInsideAsync(string program, params string[] arguments) =>
        RunAsync("ip", ["netns", "exec", Name, program, .. arguments]);

    /// <inheritdoc />
    public void Dispose() => Run("ip", "netns", "delete", Name);

    // The kernel reports a veth end "up" only once its peer's carrier is on, which happens after `ip link set up`
    // returns; on a loaded machine .NET's NetworkInterface saw the host side still down and left its address out.
    private static void WaitUntilUp(string device)
    {
        var operstate = $"/sys/class/net/{device}/operstate";
        var deadline = Stopwatch.StartNew();
        while (File.ReadAllText(operstate).Trim() != "up")
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new InvalidOperationException($"{device} did not come up within 10 s ({operstate}: {File.ReadAllText(operstate).Trim()}).");
            }

            Thread.Sleep(20);
        }
    }

    private static void Require(string program, params string[] arguments)
    {
        var (code, output) = Run(program, arguments);
        if (code != 0)
        {
            throw new InvalidOperationException(
                $"`{program} {string.Join(' ', arguments)}` failed ({code}): {output.Trim()}. These tests need root and iproute2 " +
                "(`apt-get install -y iproute2`, as scripts/test.sh does) to build a network namespace standing in for the LAN.");
        }
    }

    private static (int ExitCode, string Output) Run(string program, params string[] arguments) =>
        RunAsync(program, arguments).GetAwaiter().GetResult();

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"{program} is not installed ({e.Message})");
        }

        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            return (process.ExitCode, await output.ConfigureAwait(false) + await error.ConfigureAwait(false));
        }
    }
}
