using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Emulation.Tests.Support;

namespace GatewayQkd.Emulation.Tests.Run;

/// <summary>
/// Issue 15's measured failure, end to end: a gateway restarts with one flipped bit in a stored key block. It must keep
/// its intact blocks, tell the central server what it misses (resynchronisation), get it again, and keep serving; no key
/// is issued twice, and the central server's resends stay bounded by the backoff.
/// </summary>
public sealed class CorruptBlockFileTests
{
    [Fact]
    public async Task A_Gateway_Restarted_With_A_Corrupt_Block_File_Serves_Again_And_Issues_No_Key_Twice()
    {
        using var folder = new RunFolder();
        await using var run = await folder.StartAsync(folder.Options(seconds: 8));
        var beyond = 0;
        long victimEnd = long.MaxValue;
        run.KeyReceived += (gateway, range, _) =>
        {
            if (gateway == 1 && range.Offset >= Interlocked.Read(ref victimEnd))
            {
                Interlocked.Increment(ref beyond);
            }
        };
        var running = run.RunAsync();
        var gateway = run.Gateway(1);
        Assert.True(await Eventually.TrueAsync(() => BlockFiles(gateway.Folder).Count >= 3), "gateway 1 never held three block files");

        await run.KillGatewayAsync(1);
        var files = BlockFiles(gateway.Folder);
        var victim = files[^2]; // an intact block on each side: recovery must keep both and report the hole
        var bytes = await File.ReadAllBytesAsync(victim);
        Interlocked.Exchange(ref victimEnd, BitConverter.ToUInt32(bytes, 11) + (long)BitConverter.ToUInt32(bytes, 15)); // block offset + length (docs/storage-layout.md)
        bytes[30] ^= 0x04;
        await File.WriteAllBytesAsync(victim, bytes);
        await run.RestartGatewayAsync(1);
        var report = await running;

        Assert.True(beyond > 0, "gateway 1 issued no key from past the corrupt block after restarting");
        Assert.Equal(0, run.IssuedKeys.Overlaps);
        Assert.Equal(0, report.Counter(RunCounter.KeysIssuedTwice));
        Assert.Equal(0, run.Telemetry.Mismatches);
        Assert.True(report.Counter(RunCounter.BlocksResent) < 200, $"{report.Counter(RunCounter.BlocksResent)} resends in 8 s");
    }

    private static List<string> BlockFiles(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "kb0_*").Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal)).OrderBy(f => uint.Parse(Path.GetFileName(f)[4..], System.Globalization.CultureInfo.InvariantCulture))]
            : [];
}
