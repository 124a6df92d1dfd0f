using System.Text.Json.Nodes;
using GatewayQkd.Cli.Commands;
using GatewayQkd.Cli.Tests.Kms;
using GatewayQkd.Kms.Store;
using GatewayQkd.TestSupport;
using static GatewayQkd.Cli.Tests.Stopping.CliChildProcess;

namespace GatewayQkd.Cli.Tests.Stopping;

/// <summary>
/// Every long-running command stops cleanly on SIGINT and SIGTERM within 5 s (issue 15 item 7, docs/stopping.md): the
/// real program runs as a child process, the test sends the signal with kill(2) and checks the exit code (130 / 143),
/// what the command wrote, and that no process it started survives it. One class: the runs take turns on the CPU.
/// </summary>
public sealed class StopSignalTests : IDisposable
{
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(120);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(Sigint, StopSignals.InterruptExitCode)]
    [InlineData(Sigterm, StopSignals.TerminateExitCode)]
    public async Task Kms_Stops_Within_Five_Seconds_With_The_Signals_Exit_Code_And_Its_Store_Closed(int signal, int exitCode)
    {
        Assert.Equal(0, KmsCommandRunner.Run("certs", "--out", _folder.File("certs"), "--sae", "cs", "gn-1").ExitCode);
        using var cli = Start(_folder.Path, "kms", "--certs", "certs", "--db", "kms.db", "--port", "0");
        await cli.WaitForOutputAsync("Press Ctrl+C to stop.", StartLimit);

        cli.Signal(signal);

        Assert.Equal(exitCode, await cli.WaitForExitAsync(StopLimit));
        Assert.Contains("KMS stopped.", cli.Output, StringComparison.Ordinal);
        Assert.Contains($"stopped by {Name(signal)} (exit code {exitCode})", cli.Error, StringComparison.Ordinal);
        using var reopened = CentralKeyStore.Open(_folder.File("kms.db")); // closed, not left locked or torn
        Assert.DoesNotContain(reopened.GetAllCounts(), c => c.Blocks > 0);
    }

    [Theory]
    [InlineData(Sigint, StopSignals.InterruptExitCode)]
    [InlineData(Sigterm, StopSignals.TerminateExitCode)]
    public async Task Emulate_Stopped_By_A_Signal_Writes_Its_Report_Marked_Partial_Within_Five_Seconds(int signal, int exitCode)
    {
        using var cli = Start(_folder.Path, "emulate", "--no-live", "--duration", "600", "--gateways", "2", "--sensors", "1", "--data", "data", "--out", "report");
        await cli.WaitForOutputAsync("Ctrl+C stops early.", StartLimit);
        await Task.Delay(TimeSpan.FromSeconds(1));

        cli.Signal(signal);

        Assert.Equal(exitCode, await cli.WaitForExitAsync(StopLimit));
        var summary = JsonNode.Parse(File.ReadAllText(_folder.File(Path.Combine("report", "summary.json"))))!;
        Assert.True(summary["partial"]!.GetValue<bool>());
        Assert.Equal($"stopped early by {Name(signal)}", summary["end_reason"]!.GetValue<string>());
        Assert.True(summary["wall_seconds"]!.GetValue<double>() < 600);
        Assert.Contains("partial report", cli.Output, StringComparison.Ordinal);
        Assert.Contains("run 1:", File.ReadAllText(_folder.File(Path.Combine("data", "runs.log"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_With_A_Board_Twin_Leaves_No_Child_Process_Running_After_Sigterm()
    {
        using var cli = Start(_folder.Path, "demo", "--board-twin", "--no-live", "--duration", "600", "--gateways", "2", "--sensors", "1", "--out", "demo");
        var twin = await cli.WaitForDescendantAsync("GatewayQkd.BoardTwin.dll", StartLimit);
        await cli.WaitForOutputAsync("Ctrl+C stops early.", StartLimit);
        var started = cli.Descendants();
        Assert.Contains(twin, started);

        cli.Signal(Sigterm);

        Assert.Equal(StopSignals.TerminateExitCode, await cli.WaitForExitAsync(StopLimit));
        Assert.All(started, pid => Assert.False(IsRunning(pid), $"process {pid} outlived gatewayqkd"));
        var summary = JsonNode.Parse(File.ReadAllText(_folder.File(Path.Combine("demo", "summary.json"))))!;
        Assert.True(summary["partial"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Bench_Stopped_By_Sigterm_Kills_The_Mosquitto_It_Started_And_Marks_Its_Results_Partial()
    {
        using var cli = Start(_folder.Path, "bench", "emulation", "--seconds", "60", "--gateways", "1", "--on-disk");
        var mosquitto = await cli.WaitForDescendantAsync("mosquitto", StartLimit);

        cli.Signal(Sigterm);

        Assert.Equal(StopSignals.TerminateExitCode, await cli.WaitForExitAsync(StopLimit));
        Assert.False(IsRunning(mosquitto), "mosquitto outlived gatewayqkd bench");
        Assert.Contains("Partial results: the bench stopped early by SIGTERM during suite emulation", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_Stopped_By_Sigint_Exits_130_Within_Five_Seconds_And_Writes_No_Results()
    {
        using var cli = Start(_folder.Path, "simulate", "--requests", "1000000000", "--scheme", "all", "--seeds", "2", "--out", "sim");
        await cli.WaitForCpuSecondsAsync(2, StartLimit);

        cli.Signal(Sigint);

        Assert.Equal(StopSignals.InterruptExitCode, await cli.WaitForExitAsync(StopLimit));
        Assert.Contains("SIGINT received: stopping", cli.Error, StringComparison.Ordinal);
        Assert.Contains("stopped early by SIGINT; no results written", cli.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder.File("sim")) && Directory.EnumerateFileSystemEntries(_folder.File("sim")).Any());
    }

    [Fact]
    public async Task Fuzz_Stopped_By_Sigint_Prints_The_Cases_Run_As_A_Partial_Run()
    {
        using var cli = Start(_folder.Path, "fuzz", "--target", "frames", "gateway", "--cases", "1000000000");
        await cli.WaitForCpuSecondsAsync(2, StartLimit);

        cli.Signal(Sigint);

        Assert.Equal(StopSignals.InterruptExitCode, await cli.WaitForExitAsync(StopLimit));
        Assert.Matches(@"frames\s+[\d,]+ cases\s+0 failed", cli.Output);
        Assert.Contains("Partial run: fuzzing stopped early by SIGINT during target frames.", cli.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("gateway ", cli.Output, StringComparison.Ordinal);
    }

    private static string Name(int signal) => signal == Sigint ? "SIGINT" : "SIGTERM";
}
