using System.Globalization;
using System.Text.Json;
using GatewayQkd.Cli.Commands.Channel;

namespace GatewayQkd.Cli.Tests.Channel;

public sealed class ChannelCommandOutputTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gatewayqkd-channel-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Json_Report_Carries_Every_Documented_Field()
    {
        var (exit, output, _) = ChannelCommandRunner.Run("--json", "--quiet");
        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(output);
        var row = document.RootElement.GetProperty("rows")[0];
        foreach (var field in LinkFields.All)
        {
            Assert.True(row.TryGetProperty(field.Name, out _), $"missing {field.Name}");
        }
    }

    [Fact]
    public void Json_Plob_Field_Is_Minus_Log2_Of_One_Minus_The_Mean_Transmittance()
    {
        var (_, output, _) = ChannelCommandRunner.Run("--json", "--quiet", "--link", "horizontal", "--distance-km", "1");
        using var document = JsonDocument.Parse(output);
        var row = document.RootElement.GetProperty("rows")[0];
        var h = row.GetProperty("mean_channel_transmittance").GetDouble();
        Assert.Equal(-Math.Log2(1 - h), row.GetProperty("plob_at_mean_bits_per_pulse").GetDouble(), 9);
        // bits/s = bits/pulse x the default 100 MHz repetition rate.
        Assert.Equal(row.GetProperty("ergodic_skr_bits_per_pulse").GetDouble() * 1e8, row.GetProperty("ergodic_skr_bps").GetDouble(), 6);
    }

    [Fact]
    public void Sweep_Csv_Has_One_Row_Per_Point_With_The_Swept_Values()
    {
        var csv = Path.Combine(_folder, "sweep.csv");
        var (exit, _, _) = ChannelCommandRunner.Run("--sweep", "distance", "--from", "0", "--to", "20", "--points", "5", "--csv", csv, "--quiet");
        Assert.Equal(0, exit);
        var lines = File.ReadAllLines(csv);
        Assert.Equal(6, lines.Length);
        var column = Array.IndexOf(lines[0].Split(','), "distance_km");
        Assert.Equal([0.0, 5, 10, 15, 20], lines.Skip(1).Select(l => double.Parse(l.Split(',')[column], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Node_Sweep_Adds_The_Network_Fields()
    {
        var csv = Path.Combine(_folder, "nodes.csv");
        var (exit, _, _) = ChannelCommandRunner.Run("--sweep", "nodes", "--from", "1", "--to", "3", "--points", "3", "--csv", csv, "--quiet");
        Assert.Equal(0, exit);
        var header = File.ReadLines(csv).First().Split(',');
        Assert.Contains("aggregate_skr_bps", header);
        Assert.Contains("per_gn_skr_bps", header);
    }

    [Fact]
    public void Plot_Writes_Key_Rate_And_Qber_Pngs()
    {
        var png = Path.Combine(_folder, "rate.png");
        var (exit, _, _) = ChannelCommandRunner.Run("--sweep", "jitter", "--points", "3", "--plot", png, "--quiet");
        Assert.Equal(0, exit);
        byte[] signature = [0x89, 0x50, 0x4E, 0x47];
        Assert.Equal(signature, File.ReadAllBytes(png).Take(4));
        Assert.Equal(signature, File.ReadAllBytes(Path.Combine(_folder, "rate-qber.png")).Take(4));
    }

    [Fact]
    public void Long_Sweeps_Report_Progress_On_The_Error_Stream()
    {
        var (_, output, error) = ChannelCommandRunner.Run("--sweep", "rain", "--points", "20", "--json");
        Assert.Contains("20/20 points", error, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(output);
        Assert.Equal(20, document.RootElement.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public void Fields_Lists_Every_Link_And_Network_Field()
    {
        var (exit, output, _) = ChannelCommandRunner.Run("--fields");
        Assert.Equal(0, exit);
        Assert.Equal(LinkFields.All.Count + NetworkFields.All.Count, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
