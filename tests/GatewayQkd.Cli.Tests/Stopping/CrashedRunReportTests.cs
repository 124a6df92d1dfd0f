using System.Text.Json.Nodes;
using GatewayQkd.Cli.Tests.Emulate;
using GatewayQkd.Emulation.Metrics;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Cli.Tests.Stopping;

/// <summary>
/// Issue 15 item 8 with a real crash: `emulate` killed with SIGKILL (no handler, no flush, no report), then resumed;
/// the resumed run's report lists every key the killed run wrote to the deployment's ledger, once, as run 1's.
/// </summary>
public sealed class CrashedRunReportTests : IDisposable
{
    private const int Sigkill = 9;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_Run_Resumed_After_Kill_9_Reports_The_Killed_Runs_Keys_Once_Each_As_Before_It()
    {
        string[] common = ["emulate", "--virtual-time", "--no-live", "--gateways", "2", "--sensors", "2",
            "--data", _folder.File("data"), "--out", _folder.File("out")];
        var ledgerFile = _folder.File(Path.Combine("data", IssuedKeyLedger.FileName));
        using (var cli = CliChildProcess.Start(_folder.Path, [.. common, "--duration", "100000"]))
        {
            while (!File.Exists(ledgerFile) || File.ReadAllLines(ledgerFile).Length < 40)
            {
                Assert.True(await cli.WaitForExitAsync(TimeSpan.FromMilliseconds(50)) is null, $"emulate ended before issuing 40 keys: {cli.Output} {cli.Error}");
            }

            cli.Signal(Sigkill);
            Assert.NotNull(await cli.WaitForExitAsync(TimeSpan.FromSeconds(10)));
        }

        // What the killed run left: whole lines are its keys (a line cut by the kill ends without a newline).
        var text = await File.ReadAllTextAsync(ledgerFile);
        var crashedKeys = text[..(text.LastIndexOf('\n') + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        Assert.True(crashedKeys.Length >= 39);
        Assert.False(File.Exists(_folder.File(Path.Combine("out", "summary.json"))), "the killed run wrote a report");

        var (exit, _, error) = await EmulationCommandRunner.RunAsync([.. common, "--duration", "3"]);

        Assert.True(exit == 0, error);
        var report = _folder.File(Path.Combine("out", "run-2"));
        var summary = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(report, "summary.json")))!;
        Assert.Equal(crashedKeys.Length, (int)summary["issued_keys"]!["before_this_run"]!["keys"]!);
        Assert.Equal(crashedKeys.Sum(k => long.Parse(k.Split(',')[4], System.Globalization.CultureInfo.InvariantCulture) * 8), (long)summary["issued_keys"]!["before_this_run"]!["bits"]!);
        Assert.Equal(0, (long)summary["counters"]!["keys_issued_twice"]!);
        var rows = (await File.ReadAllLinesAsync(Path.Combine(report, "issued-keys.csv"))).Where(l => !l.StartsWith('#')).Skip(1).Select(l => l.Split(',')).ToArray();
        var before = rows.Where(r => r[1] == "1").Select(r => string.Join(',', r[0], r[2], r[3], r[4], r[5])).ToArray();
        Assert.Equal(crashedKeys, before);
        Assert.All(rows.Where(r => r[1] == "0"), r => Assert.Equal("2", r[0]));
        Assert.Equal(rows.Length, rows.Select(r => string.Join(',', r[2], r[3], r[4])).Distinct().Count());
    }
}
