using System.Text.Json;
using GatewayQkd.Channel.Link;
using GatewayQkd.Cli.Commands.Channel;

namespace GatewayQkd.Cli.Tests.Channel;

public sealed class ChannelCommandReportingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gatewayqkd-channel-report-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Json_Records_The_Model_Version_And_Every_Input()
    {
        var (exit, output, _) = ChannelCommandRunner.Run("--json", "--quiet", "--weather", "haze", "--block-pulses", "1e9", "--distillation", "per-state");
        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.Equal(LinkModel.Version, root.GetProperty("model_version").GetString());
        var link = root.GetProperty("inputs").GetProperty("link");
        Assert.Equal(4, link.GetProperty("visibility_km").GetDouble());
        Assert.Equal(1e9, link.GetProperty("qkd").GetProperty("finite_key").GetProperty("block_pulses").GetDouble());
        Assert.Equal("per-state", link.GetProperty("qkd").GetProperty("distillation").GetString());
        foreach (var property in typeof(LinkOptions).GetProperties())
        {
            var name = JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
            Assert.True(link.TryGetProperty(name, out _), $"inputs.link lacks {name}");
        }
    }

    [Fact]
    public void Help_Shows_The_Default_Of_Every_Physics_Option()
    {
        var cli = new ChannelCliOptions();
        foreach (var option in cli.Link.All.Select(o => o.Option))
        {
            Assert.Contains("[default: ", option.Description, StringComparison.Ordinal);
        }

        var output = new StringWriter();
        new System.CommandLine.RootCommand { ChannelCommand.Create() }.Parse(["channel", "--help"]).Invoke(new System.CommandLine.InvocationConfiguration { Output = output });
        Assert.Contains("receiver aperture diameter (m) [default: 0.3]", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("[default: block]", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Preset_Writes_Key_Rate_Qber_And_Outage_Charts_Titled_For_What_They_Show()
    {
        var plot = Path.Combine(_folder, "skr.png");
        var (exit, _, error) = ChannelCommandRunner.Run("--preset", "slides-qber", "--plot", plot, "--quiet");
        Assert.Equal(0, exit);
        foreach (var file in new[] { plot, Path.Combine(_folder, "skr-qber.png"), Path.Combine(_folder, "skr-outage.png") })
        {
            Assert.True(new FileInfo(file).Length > 1000, file);
            Assert.Contains($"wrote {file}", error, StringComparison.Ordinal);
        }

        var run = ChannelRunner.Run(ChannelCommandRunner.Bind("--preset", "slides-qber"), null);
        Assert.StartsWith("Secret key rate vs distance", ChannelPlots.KeyRate(run).Title, StringComparison.Ordinal);
        Assert.StartsWith("Average QBER vs distance", ChannelPlots.Qber(run).Title, StringComparison.Ordinal);
        Assert.StartsWith("Outage probability vs distance", ChannelPlots.Outage(run).Title, StringComparison.Ordinal);
        Assert.True(ChannelPlots.KeyRate(run).LegendOutside);
    }

    [Fact]
    public void Points_Without_Key_Are_Reported_As_Gaps_Instead_Of_Dropped_Silently()
    {
        // Dense fog leaves no key at any distance: its SKR curve has nothing to draw on the log axis.
        var plot = Path.Combine(_folder, "weather.png");
        var (exit, _, error) = ChannelCommandRunner.Run("--preset", "weather", "--plot", plot, "--quiet");
        Assert.Equal(0, exit);
        Assert.Contains("'SKR, dense-fog' has 21 point(s) with no value to draw", error, StringComparison.Ordinal);
        Assert.DoesNotContain("'PLOB, clear'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Block_Size_Sweep_Gives_A_Finite_Key_Rate_That_Rises_With_The_Block()
    {
        var run = ChannelRunner.Run(ChannelCommandRunner.Bind("--sweep", "block-pulses", "--from", "1e8", "--to", "1e12", "--points", "5"), null);
        var rates = run.Rows.Select(r => r.Link.KeyRatePerPulse).ToArray();
        Assert.True(rates.Zip(rates.Skip(1)).All(p => p.Second > p.First), string.Join(", ", rates));
        Assert.All(run.Rows, r => Assert.NotNull(r.Link.FiniteKey));
    }

    [Fact]
    public void Turbulence_Presets_Keep_The_Slides_Claims()
    {
        // Slides: QBER rises with turbulence but distance dominates; the SKR is mainly set by distance.
        var qber = ChannelRunner.Run(ChannelCommandRunner.Bind("--preset", "slides-qber"), null);
        double Qber(string series, double x) => qber.Rows.Single(r => r.Series.StartsWith(series, StringComparison.Ordinal) && Math.Abs(r.X - x) < 1e-9).Link.Averaged.PlainQber;
        Assert.True(Qber("strong", 5) > Qber("moderate", 5) && Qber("moderate", 5) > Qber("weak", 5));
        Assert.True(Qber("weak", 5) - Qber("weak", 0.2) > 2 * (Qber("strong", 5) - Qber("weak", 5)));
        var skr = ChannelRunner.Run(ChannelCommandRunner.Bind("--preset", "slides-skr"), null);
        double Skr(string series, double x) => skr.Rows.Single(r => r.Series.StartsWith(series, StringComparison.Ordinal) && Math.Abs(r.X - x) < 1e-9).Link.KeyRatePerPulse;
        Assert.True(Skr("weak", 0.2) / Skr("weak", 5) > 100 * (Skr("weak", 5) / Skr("strong", 5)));
    }
}
