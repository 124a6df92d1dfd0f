using GatewayQkd.Emulation.Options;

namespace GatewayQkd.Emulation.Tests.Options;

/// <summary>Range checks on emulation options.</summary>
public sealed class EmulationOptionsValidatorTests
{
    [Fact]
    public void Accepts_The_Defaults()
    {
        Assert.Empty(EmulationOptionsValidator.Validate(new EmulationOptions()));
    }

    [Fact]
    public void Rejects_A_Board_Id_That_Clashes_With_An_Emulated_Gateway()
    {
        var problems = EmulationOptionsValidator.Validate(new EmulationOptions { Gateways = 4, BoardGateways = [3] });

        Assert.Contains(problems, p => p.StartsWith("boardGateways", StringComparison.Ordinal));
    }

    [Fact]
    public void Rejects_A_Pool_That_Cannot_Hold_The_Largest_Key()
    {
        var problems = EmulationOptionsValidator.Validate(new EmulationOptions { PoolCapacityBits = 1024 });

        Assert.Contains(problems, p => p.StartsWith("poolCapacityBits", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public void Rejects_No_Slot_Phase_Or_More_Phases_Than_Milliseconds_In_The_Slot(int phases)
    {
        var problems = EmulationOptionsValidator.Validate(new EmulationOptions { SlotSeconds = 0.05, SlotPhases = phases });

        Assert.Contains(problems, p => p.StartsWith("slotPhases", StringComparison.Ordinal));
    }

    [Fact]
    public void Accepts_One_Slot_Phase_Per_Millisecond_Of_The_Slot()
    {
        Assert.Empty(EmulationOptionsValidator.Validate(new EmulationOptions { SlotSeconds = 0.05, SlotPhases = 50 }));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(86401)]
    [InlineData(double.NaN)]
    public void Rejects_A_Status_Interval_Outside_Never_To_A_Day(double seconds)
    {
        var problems = EmulationOptionsValidator.Validate(new EmulationOptions { StatusIntervalSeconds = seconds });

        Assert.Contains(problems, p => p.StartsWith("statusIntervalSeconds", StringComparison.Ordinal));
    }

    [Fact]
    public void Rejects_A_Security_Level_Above_Five()
    {
        var problems = EmulationOptionsValidator.Validate(new EmulationOptions { SecurityLevels = [1, 6] });

        Assert.Contains(problems, p => p.StartsWith("securityLevels", StringComparison.Ordinal));
    }

    [Fact]
    public void Validated_Throws_Naming_The_Problem()
    {
        var error = Assert.Throws<EmulationOptionsException>(() => new EmulationOptions { Speed = 0 }.Validated());

        Assert.Contains("speed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_A_Field_By_The_Option_The_Caller_Maps_It_To()
    {
        var names = new Dictionary<string, string> { ["sensorsPerGateway"] = "--sensors", ["durationSeconds"] = "--duration" };

        var problems = EmulationOptionsValidator.Validate(new EmulationOptions { SensorsPerGateway = -1, Duration = TimeSpan.FromSeconds(-5) }, names);

        Assert.Contains("--sensors must be 1..1000, got -1.", problems);
        Assert.Contains("--duration must be positive and at most 7 days (604800 s), got -5 s.", problems);
    }

    [Fact]
    public void Names_A_Field_By_Its_Scenario_Key_Without_A_Map()
    {
        var problems = EmulationOptionsValidator.Validate(new EmulationOptions { Duration = TimeSpan.Zero, EmbeddedBrokerPort = 70000 });

        Assert.Contains(problems, p => p.StartsWith("durationSeconds must be positive", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("embeddedBrokerPort must be 0..65535", StringComparison.Ordinal));
    }
}
