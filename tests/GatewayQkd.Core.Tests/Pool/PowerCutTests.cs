using GatewayQkd.TestSupport;
using Xunit.Abstractions;

namespace GatewayQkd.Core.Tests.Pool;

/// <summary>
/// THE power-cut test (after littlefs's power_cycles, littlefs-project/littlefs bd/lfs_emubd.h, and SQLite's crash
/// tests, sqlite.org/testing.html "Crash Testing"): a
/// seeded workload of ingests, takes, restarts and a zeroize, cut at every commit point with every outcome a power
/// cut can leave, rebooted and continued; the ledger checks no range is handed out twice, handed-out and lost bytes
/// never become available again, and losses are exactly the consumed bytes not handed out (plus at most the range
/// handed out last before the restart, whose hand-out the device cannot know).
/// </summary>
public class PowerCutTests(ITestOutputHelper output)
{
    private const int WorkloadSteps = 120;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_Uncut_Workload_Hands_Every_Byte_Out_Exactly_Once(int seed)
    {
        var workload = new PoolWorkload();
        workload.Run(WorkloadOp.Generate(seed, WorkloadSteps), cutAt: 0, CutOutcome.Before);

        Assert.Equal(0, workload.Cuts);
        Assert.True(workload.Ledger.RangesReturned > 30, $"only {workload.Ledger.RangesReturned} ranges handed out");
    }

    [Theory]
    [InlineData(1, CutOutcome.Before)]
    [InlineData(1, CutOutcome.After)]
    [InlineData(1, CutOutcome.Torn)]
    [InlineData(2, CutOutcome.Before)]
    [InlineData(2, CutOutcome.After)]
    [InlineData(2, CutOutcome.Torn)]
    public void Survives_A_Power_Cut_At_Every_Commit_Point(int seed, CutOutcome outcome)
    {
        var ops = WorkloadOp.Generate(seed, WorkloadSteps);
        var uncut = new PoolWorkload();
        uncut.Run(ops, cutAt: 0, outcome);
        long inDoubt = 0;
        long lostNotReturned = 0;

        for (var point = 1; point <= uncut.CommitPoints; point++)
        {
            var workload = new PoolWorkload();
            workload.Run(ops, point, outcome);
            Assert.Equal(1, workload.Cuts);
            inDoubt += workload.Ledger.InDoubtBytes;
            lostNotReturned += workload.Ledger.LostNotReturnedBytes;
        }

        Assert.True(uncut.CommitPoints > 120, $"the workload reaches only {uncut.CommitPoints} commit points");
        output.WriteLine($"seed {seed}, {outcome}: {uncut.CommitPoints} cut points; lost bytes not handed out {lostNotReturned}, in doubt (handed out, then counted lost) {inDoubt}");
    }

    [Theory]
    [InlineData(3, CutOutcome.Before)]
    [InlineData(3, CutOutcome.After)]
    public void Survives_A_Power_Cut_At_Every_Commit_Point_Without_Partial_Block_Erasure(int seed, CutOutcome outcome)
    {
        var ops = WorkloadOp.Generate(seed, WorkloadSteps);
        var uncut = new PoolWorkload(erasePartialBlocks: false);
        uncut.Run(ops, cutAt: 0, outcome);

        for (var point = 1; point <= uncut.CommitPoints; point++)
        {
            new PoolWorkload(erasePartialBlocks: false).Run(ops, point, outcome);
        }

        Assert.True(uncut.CommitPoints > 100, $"the workload reaches only {uncut.CommitPoints} commit points");
        output.WriteLine($"seed {seed}, {outcome}, no partial erasure: {uncut.CommitPoints} cut points");
    }

    [Theory]
    [InlineData(1, CutOutcome.After, CutOutcome.After)]
    [InlineData(1, CutOutcome.After, CutOutcome.Before)]
    [InlineData(2, CutOutcome.Before, CutOutcome.After)]
    [InlineData(2, CutOutcome.Torn, CutOutcome.Torn)]
    public void Survives_A_Second_Power_Cut_Right_After_Rebooting(int seed, CutOutcome first, CutOutcome second)
    {
        var ops = WorkloadOp.Generate(seed, WorkloadSteps);
        var uncut = new PoolWorkload();
        uncut.Run(ops, cutAt: 0, first);
        var secondCuts = 0;

        for (var point = 1; point <= uncut.CommitPoints; point++)
        {
            var workload = new PoolWorkload();
            workload.Run(ops, point, first, second);
            Assert.InRange(workload.Cuts, 1, 2);
            secondCuts += workload.Cuts - 1;
        }

        Assert.True(secondCuts > uncut.CommitPoints / 2, $"only {secondCuts} of {uncut.CommitPoints} runs met a second cut");
        output.WriteLine($"seed {seed}, {first} then {second}: {uncut.CommitPoints} first cut points, {secondCuts} second cuts");
    }
}
