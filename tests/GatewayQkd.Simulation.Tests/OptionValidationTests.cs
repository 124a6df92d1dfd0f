using GatewayQkd.Simulation.Sweeps;
using Xunit;

namespace GatewayQkd.Simulation.Tests;

/// <summary>Bad options fail with an error that names the option (by its property; the CLI maps it to its option name).</summary>
public sealed class OptionValidationTests
{
    public static TheoryData<SimulationOptions, string> BadOptions() => new()
    {
        { new SimulationOptions { Load = 0 }, nameof(SimulationOptions.Load) },
        { new SimulationOptions { Load = double.NaN }, nameof(SimulationOptions.Load) },
        { new SimulationOptions { Requests = 0 }, nameof(SimulationOptions.Requests) },
        { new SimulationOptions { Gateways = 0 }, nameof(SimulationOptions.Gateways) },
        { new SimulationOptions { LowThresholdBits = 5000, HighThresholdBits = 4096 }, nameof(SimulationOptions.LowThresholdBits) },
        { new SimulationOptions { HighThresholdBits = 6000 }, nameof(SimulationOptions.HighThresholdBits) },
        { new SimulationOptions { InitialBits = 6000 }, nameof(SimulationOptions.InitialBits) },
        { new SimulationOptions { TradeOff = 1.5 }, nameof(SimulationOptions.TradeOff) },
        { new SimulationOptions { VGenBitsPerSecond = -1 }, nameof(SimulationOptions.VGenBitsPerSecond) },
        { new SimulationOptions { VGenPerGateway = [100, 0] }, nameof(SimulationOptions.VGenPerGateway) },
        { new SimulationOptions { LinkBitsPerSecond = 0 }, nameof(SimulationOptions.LinkBitsPerSecond) },
        { new SimulationOptions { HapChannels = 0 }, nameof(SimulationOptions.HapChannels) },
        { new SimulationOptions { SlotSeconds = 0 }, nameof(SimulationOptions.SlotSeconds) },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Rejects_Out_Of_Range_Option_Naming_It(SimulationOptions options, string option)
    {
        var error = Assert.Throws<SimulationOptionsException>(options.Validate);
        Assert.Equal(option, error.Parameter);
        Assert.StartsWith(option, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.5:2:0.5", new[] { 0.5, 1.0, 1.5, 2.0 })]
    [InlineData("1,2,4", new[] { 1.0, 2.0, 4.0 })]
    public void Parses_Sweep_Values(string text, double[] expected)
    {
        Assert.Equal(expected, SweepParameters.ParseValues(text, "--x"));
    }

    [Theory]
    [InlineData("a,b")]
    [InlineData("2:1:0.5")]
    [InlineData("0:1:0")]
    [InlineData("")]
    public void Rejects_Bad_Sweep_Values_Naming_The_Option(string text)
    {
        var error = Assert.Throws<SimulationOptionsException>(() => SweepParameters.ParseValues(text, "--x"));
        Assert.Equal("--x", error.Parameter);
    }
}
