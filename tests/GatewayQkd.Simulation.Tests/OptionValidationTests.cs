using GatewayQkd.Simulation.Sweeps;
using Xunit;

namespace GatewayQkd.Simulation.Tests;

/// <summary>Bad options fail with an error that names the option.</summary>
public sealed class OptionValidationTests
{
    public static TheoryData<SimulationOptions, string> BadOptions() => new()
    {
        { new SimulationOptions { Load = 0 }, "--load" },
        { new SimulationOptions { Load = double.NaN }, "--load" },
        { new SimulationOptions { Requests = 0 }, "--requests" },
        { new SimulationOptions { Gateways = 0 }, "--gateways" },
        { new SimulationOptions { LowThresholdBits = 5000, HighThresholdBits = 4096 }, "--threshold-low" },
        { new SimulationOptions { HighThresholdBits = 6000 }, "--threshold-high" },
        { new SimulationOptions { InitialBits = 6000 }, "--initial" },
        { new SimulationOptions { W = 1.5 }, "--w" },
        { new SimulationOptions { VGenBitsPerSecond = -1 }, "--vgen" },
        { new SimulationOptions { VGenPerGateway = [100, 0] }, "--vgen-per-gateway" },
        { new SimulationOptions { LinkBitsPerSecond = 0 }, "--link-rate" },
        { new SimulationOptions { HapChannels = 0 }, "--hap-channels" },
        { new SimulationOptions { SlotSeconds = 0 }, "--slot" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Rejects_Out_Of_Range_Option_Naming_It(SimulationOptions options, string option)
    {
        var error = Assert.Throws<SimulationOptionsException>(options.Validate);
        Assert.Equal(option, error.Option);
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
        Assert.Equal("--x", error.Option);
    }
}
