using GatewayQkd.Emulation.Options;

namespace GatewayQkd.Emulation.Tests.Options;

/// <summary>Scenario file errors read "file:line: key: what is wrong, expected what", without .NET type names.</summary>
public sealed class ScenarioErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gatewayqkd-scenario-errors-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("s.yaml", "name: x\nsecurityLevels: 3\n", ":2: securityLevels: got '3', expected a list of whole numbers")]
    [InlineData("s.yaml", "gateways: abc\n", ":1: gateways: got 'abc', expected a whole number")]
    [InlineData("s.yaml", "name: x\nnosuch: 1\n", ":2: unknown key 'nosuch'; expected one of name, durationSeconds")]
    [InlineData("s.yaml", "broker:\n  host: h\n  prt: 3\n", ":3: unknown key 'prt' in broker; expected one of host, port")]
    [InlineData("s.json", "{\n  \"gateways\": \"x\"\n}", ":2: gateways: wrong or missing value, expected a whole number")]
    [InlineData("s.json", "{\n  \"name\": \"a\",\n  \"x\": 1\n}", ":3: unknown key 'x'")]
    [InlineData("s.json", "{\n \"speed\": -1\n}", ":2: speed must be above 0")]
    [InlineData("s.yaml", "name: a\ntradeOff: 4\n", ":2: tradeOff (w) must be in [0, 1], got 4.")]
    public void An_Error_Names_File_Line_Key_And_What_Was_Expected(string name, string text, string expected)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);

        var error = Assert.Throws<EmulationOptionsException>(() => ScenarioFile.Load(path));

        Assert.Contains(path + expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("GatewayQkd.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PublicKeyToken", error.Message, StringComparison.Ordinal);
    }
}
