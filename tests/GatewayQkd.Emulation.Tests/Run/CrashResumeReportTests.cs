using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Emulation.Report;
using GatewayQkd.Emulation.Tests.Support;

namespace GatewayQkd.Emulation.Tests.Run;

/// <summary>
/// Issue 15 item 8: the report of a run that resumes after a crash includes the keys the crashed run issued, says which
/// run issued each, and counts each key once. The test keeps its own ledger of every key a sensor received (the run's
/// KeyReceived event) and checks the resumed run's report against it.
/// </summary>
public sealed class CrashResumeReportTests
{
    [Fact]
    public async Task The_Report_Of_A_Run_Resumed_After_A_Crash_Lists_Every_Key_Issued_Before_It_Once_With_Its_Run()
    {
        using var folder = new RunFolder();
        var ledger = new List<(int Run, ushort Gateway, Core.Pool.KeyRange Range)>();
        await using (var crashed = await folder.StartAsync(folder.Options(seconds: 60) with { VirtualTime = true }))
        {
            // The chosen point: the 12th key a sensor receives. The run is abandoned there; its report is never written.
            using var crash = new CancellationTokenSource();
            crashed.KeyReceived += (_, e) =>
            {
                ledger.Add((1, e.GatewayId, e.Range));
                if (ledger.Count == 12)
                {
                    crash.Cancel();
                }
            };
            _ = await crashed.RunAsync(cancellationToken: crash.Token);
        }

        EmulationReport report;
        await using (var resumed = await folder.StartAsync(folder.Options(seconds: 4) with { VirtualTime = true }))
        {
            resumed.KeyReceived += (_, e) => ledger.Add((2, e.GatewayId, e.Range));
            report = await resumed.RunAsync();
        }

        Assert.Equal(2, report.Start.RunNumber);
        Assert.Equal(Keys(ledger.Where(k => k.Run == 1)), Keys(report.IssuedBefore));
        Assert.Equal(Keys(ledger.Where(k => k.Run == 2)), Keys(report.IssuedThisRun));
        Assert.True(ledger.Count(k => k.Run == 2) > 0, "the resumed run issued no key");
        Assert.Equal(ledger.Count, report.IssuedKeys.Count);
        Assert.Equal(ledger.Where(k => k.Run == 2).Sum(k => k.Range.Length * 8L), report.Counter(RunCounter.KeyBitsIssued));
        Assert.Equal(0, report.Counter(RunCounter.KeysIssuedTwice));
        var summary = ReportWriter.Summary(report)["issued_keys"]!;
        Assert.Equal(ledger.Count(k => k.Run == 1), (int)summary["before_this_run"]!["keys"]!);
        Assert.Equal(ledger.Where(k => k.Run == 1).Sum(k => k.Range.Length * 8L), (long)summary["before_this_run"]!["bits"]!);
        Assert.Equal(1, (int)summary["before_this_run"]!["by_run"]![0]!["run"]!);
        Assert.Equal(ledger.Count, (int)summary["all_runs"]!["keys"]!);
    }

    private static string[] Keys(IEnumerable<(int Run, ushort Gateway, Core.Pool.KeyRange Range)> keys) =>
        [.. keys.Select(k => $"{k.Run}:{k.Gateway}:{k.Range.PeerId}:{k.Range.Offset}:{k.Range.Length}")];

    private static string[] Keys(IEnumerable<IssuedKey> keys) =>
        [.. keys.Select(k => $"{k.Run}:{k.GatewayId}:{k.PeerId}:{k.Offset}:{k.Length}")];
}
