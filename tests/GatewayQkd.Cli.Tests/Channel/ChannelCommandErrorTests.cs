namespace GatewayQkd.Cli.Tests.Channel;

public class ChannelCommandErrorTests
{
    [Theory]
    [InlineData("--distance-km", "-1")]
    [InlineData("--visibility-km", "0")]
    [InlineData("--detector-efficiency", "1.5")]
    [InlineData("--dark-count", "-0.1")]
    [InlineData("--nodes", "0")]
    [InlineData("--points", "0")]
    public void Bad_Value_Fails_With_An_Error_Naming_The_Option(string option, string value)
    {
        var args = option == "--points" ? new[] { "--sweep", "distance", option, value } : [option, value];
        var (exit, output, error) = ChannelCommandRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.Contains(option, error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void Unknown_Choice_Is_A_Parse_Error()
    {
        var (exit, _, error) = ChannelCommandRunner.Run("--link", "sideways");
        Assert.NotEqual(0, exit);
        Assert.Contains("sideways", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Preset_And_Sweep_Cannot_Be_Combined()
    {
        var (exit, _, error) = ChannelCommandRunner.Run("--preset", "slides-skr", "--sweep", "rain");
        Assert.Equal(2, exit);
        Assert.Contains("--preset", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plot_Without_A_Sweep_Or_Preset_Is_Refused_And_Writes_Nothing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gatewayqkd-noplot-{Guid.NewGuid():N}.png");
        var (exit, output, error) = ChannelCommandRunner.Run("--plot", path);
        Assert.Equal(2, exit);
        Assert.Contains("--plot", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
        Assert.False(File.Exists(path));
    }
}
