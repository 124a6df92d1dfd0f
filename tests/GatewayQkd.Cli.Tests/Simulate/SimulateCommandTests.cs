using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GatewayQkd.Cli.Commands;
using Xunit;

namespace GatewayQkd.Cli.Tests.Simulate;

/// <summary>The `simulate` command end to end, on small runs.</summary>
public sealed class SimulateCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gatewayqkd-simulate-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static (int Code, string Output, string Error) Invoke(params string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        int code = GatewayQkdRootCommand.Create().Parse(["simulate", .. args]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("--load", "0")]
    [InlineData("--threshold-low", "9000")]
    [InlineData("--w", "2")]
    [InlineData("--gateways", "0")]
    [InlineData("--seeds", "0")]
    [InlineData("--scheme", "nope")]
    [InlineData("--preset", "fig99")]
    [InlineData("--sweep", "speed=1,2")]
    [InlineData("--series", "w=0,1")]
    [InlineData("--vgen-per-gateway", "100,x")]
    public void Bad_Option_Fails_With_An_Error_Naming_It(string option, string value)
    {
        var (code, output, error) = Invoke(option, value, "--requests", "10");
        Assert.Equal(2, code);
        Assert.Contains(option, error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void Json_Of_A_Single_Run_Reports_Every_Scheme_Asked_For()
    {
        var (code, output, _) = Invoke("--scheme", "DDKA,KoD", "--requests", "300", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var schemes = json.RootElement.GetProperty("summary").EnumerateArray().Select(p => p.GetProperty("Scheme").GetString() ?? string.Empty).ToArray();
        Assert.Equal(new[] { "DDKA", "KoD" }, schemes);
        foreach (var run in json.RootElement.GetProperty("runs").EnumerateArray())
        {
            Assert.Equal(300, run.GetProperty("Requests").GetInt64());
            Assert.InRange(run.GetProperty("SuccessRate").GetDouble(), 0, 1);
        }
    }

    [Fact]
    public void Same_Seed_Gives_The_Same_Json()
    {
        string[] args = ["--requests", "500", "--load", "1.5", "--seed", "9", "--json"];
        Assert.Equal(Invoke(args).Output, Invoke(args).Output);
    }

    [Fact]
    public void Sweep_Writes_Csv_With_One_Row_Per_Point_And_The_Plots()
    {
        var (code, _, error) = Invoke("--sweep", "load=0.5,1.5", "--scheme", "DDKA,S2", "--requests", "300", "--out", _folder);
        Assert.Equal(0, code);
        string[] lines = File.ReadAllLines(Path.Combine(_folder, "sweep.csv"));
        Assert.Equal(1 + (2 * 2), lines.Length);
        Assert.StartsWith("scheme,series,x,", lines[0], StringComparison.Ordinal);
        foreach (string png in new[] { "delay.png", "success-rate.png", "delay-improvement.png", "success-rate-improvement.png" })
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(_folder, png));
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        }

        Assert.Contains("sweep.csv", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_Names_The_Paper_Metrics()
    {
        var (code, output, _) = Invoke("--requests", "200");
        Assert.Equal(0, code);
        Assert.Contains("T_sum mean (s)", output, StringComparison.Ordinal);
        Assert.Contains("SR", output, StringComparison.Ordinal);
        Assert.Contains("DDKA", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_Option_Overrides_The_Preset()
    {
        var (code, output, _) = Invoke("--preset", "fig10", "--sweep", "load=0.5", "--scheme", "DDKA", "--seeds", "1", "--requests", "200", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var points = json.RootElement.GetProperty("points").EnumerateArray().ToArray();
        Assert.Single(points);
        Assert.Equal(200, json.RootElement.GetProperty("options").GetProperty("Requests").GetInt32());
    }
}
