using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using GatewayQkd.Cli.Commands;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Cli.Tests.Errors;

/// <summary>
/// Every command refuses ordinary bad input (a value out of range, a path it cannot write, a port in use, a broker
/// that is not there) with a non-zero exit and a message naming the option or the address, never a stack trace. The
/// command line runs as the program runs it: through <see cref="CliErrors"/>.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly TcpListener _busy = new(IPAddress.Loopback, 0);

    public BadInputTests()
    {
        File.WriteAllText(_folder.File("a-file"), "not a folder");
        _busy.Start();
    }

    public void Dispose()
    {
        _busy.Stop();
        _busy.Dispose();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("--sensors must be 1..1000, got -1.", "demo", "--sensors", "-1")]
    [InlineData("--duration must be positive", "demo", "--duration", "-5")]
    [InlineData("--gateways must be 0..1000, got 5000.", "demo", "--gateways", "5000")]
    [InlineData("--out must be a folder, got the file", "demo", "--out", "{file}", "--duration", "1", "--no-live")]
    public void Demo(string expected, params string[] args) => AssertRefused(expected, args);

    [Theory]
    [InlineData("--board ids must be above the emulated ones (1..4), got 2.", "emulate", "--board", "2")]
    [InlineData("--speed must be above 0", "emulate", "--speed", "0")]
    [InlineData("--out must be a folder, got the file", "emulate", "--out", "{file}")]
    [InlineData("--data must be a folder, got the file", "emulate", "--data", "{file}")]
    [InlineData("cannot listen on 127.0.0.1:{port}", "emulate", "--broker-port", "{port}", "--duration", "1", "--no-live", "--data", "{tmp}/d", "--out", "{tmp}/o")]
    [InlineData("does not resolve", "emulate", "--broker", "no-such-host.invalid:1883", "--duration", "2", "--no-live", "--data", "{tmp}/d", "--out", "{tmp}/o")]
    [InlineData("does not resolve", "emulate", "--broker", "no-such-host.invalid:1883", "--duration", "2", "--data", "{tmp}/d", "--out", "{tmp}/o")]
    public void Emulate(string expected, params string[] args) => AssertRefused(expected, args);

    [Fact]
    public void Emulate_Gives_Up_On_A_Broker_That_Does_Not_Answer_Within_Seconds_Naming_The_Address()
    {
        var watch = Stopwatch.StartNew();

        AssertRefused("Cannot connect to the MQTT broker at 127.0.0.1:1 within 5 s", "emulate", "--broker", "127.0.0.1:1", "--duration", "2", "--no-live", "--fresh",
            "--data", "{tmp}/d", "--out", "{tmp}/o");

        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 15);
    }

    [Theory]
    [InlineData("/proc/nope", "simulate", "--out", "/proc/nope", "--requests", "10", "--sweep", "load=0.5,1")]
    [InlineData("already exists", "simulate", "--out", "{file}", "--requests", "10", "--sweep", "load=0.5,1")]
    public void Simulate(string expected, params string[] args) => AssertRefused(expected, args);

    [Theory]
    [InlineData("/proc/x.csv", "channel", "--sweep", "distance", "--points", "2", "--csv", "/proc/x.csv")]
    public void Channel(string expected, params string[] args) => AssertRefused(expected, args);

    [Theory]
    [InlineData("/proc/nope", "kms", "certs", "--out", "/proc/nope")]
    [InlineData("--port must be within 0..65535, got 70000.", "kms", "--port", "70000", "--seconds", "1")]
    [InlineData("--certs", "kms", "--certs", "{tmp}/none", "--db", "{tmp}/kms.db", "--seconds", "1")]
    public void Kms(string expected, params string[] args) => AssertRefused(expected, args);

    [Theory]
    [InlineData("--seconds must be above 0 and at most 3600, got -1.", "bench", "--seconds", "-1")]
    [InlineData("--gateways must be counts 1..1000, got 0.", "bench", "--gateways", "0")]
    [InlineData("--out must be a file in an existing folder", "bench", "--out", "/proc/nope/x.md")]
    [InlineData("no-such-suite", "bench", "no-such-suite")]
    [InlineData("--steps must be 1..100, got 0.", "bench", "capacity", "--steps", "0")]
    [InlineData("--start must be above 0 and at most 1000, got 0.", "bench", "capacity", "--start", "0")]
    [InlineData("--brokers must be both, mosquitto or embedded, got 'nats'.", "bench", "capacity", "--brokers", "nats")]
    [InlineData("--slot-phases must be 1..50 (one per millisecond of the 50 ms slot at most), got 0.", "bench", "capacity", "--slot-phases", "0")]
    public void Bench(string expected, params string[] args) => AssertRefused(expected, args);

    [Fact]
    public void Verbose_Adds_The_Exception_With_Its_Trace()
    {
        var (exit, _, error) = Run("simulate", "--out", "{file}", "--requests", "10", "--sweep", "load=0.5,1", "--verbose");

        Assert.Equal(CliErrors.EnvironmentFailure, exit);
        Assert.Contains("System.IO.IOException", error, StringComparison.Ordinal);
        Assert.Contains("   at ", error, StringComparison.Ordinal);
    }

    private void AssertRefused(string expected, params string[] args)
    {
        var (exit, output, error) = Run(args);
        var all = output + error;

        Assert.True(exit != 0, $"exit 0 for {string.Join(' ', args)}:\n{all}");
        Assert.Contains(Expand(expected), error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", all, StringComparison.Ordinal);
    }

    private (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var parse = GatewayQkdRootCommand.Create().Parse([.. args.Select(Expand)]);
        var exit = CliErrors.InvokeAsync(parse, new InvocationConfiguration { Output = output, Error = error }).GetAwaiter().GetResult();
        return (exit, output.ToString(), error.ToString());
    }

    private string Expand(string text) => text
        .Replace("{file}", _folder.File("a-file"), StringComparison.Ordinal)
        .Replace("{tmp}", _folder.Path, StringComparison.Ordinal)
        .Replace("{port}", ((IPEndPoint)_busy.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
