using System.Globalization;
using GatewayQkd.TestSupport;

namespace GatewayQkd.Cli.Tests.Kms;

public sealed class KmsBenchCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Quick_Run_Prints_And_Writes_Consistent_Figures_Per_Concurrency_Level()
    {
        var csv = _folder.File("kms-bench.csv");

        var (exit, output, error) = KmsCommandRunner.Run("bench", "--pairs", "3", "--warmup", "0", "--concurrency", "1", "2",
            "--keys-per-request", "2", "--size", "128", "--csv", csv);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Contains("pairs/s", output, StringComparison.Ordinal);
        var rows = File.ReadAllLines(csv);
        var header = rows[0].Split(',');
        Assert.Equal(3, rows.Length);
        foreach (var (row, concurrency) in rows.Skip(1).Zip([1, 2]))
        {
            var cells = header.Zip(row.Split(','))
                .ToDictionary(p => p.First, p => double.Parse(p.Second, CultureInfo.InvariantCulture), StringComparer.Ordinal);
            Assert.Equal(concurrency, cells["concurrency"]);
            Assert.Equal(3, cells["pairs"]);
            Assert.Equal(2, cells["keys_per_request"]);
            Assert.Equal(128, cells["key_size_bits"]);
            Assert.True(cells["seconds"] > 0);
            Assert.Equal(3 / cells["seconds"], cells["pairs_per_second"], 1e-6 * cells["pairs_per_second"]);
            Assert.Equal(2 * cells["pairs_per_second"], cells["keys_per_second"], 1e-6 * cells["keys_per_second"]);
            Assert.Matches($@"(?m)^\s+{concurrency}\s+3\s+2\s+128\s", output);
        }
    }
}
