using System.CommandLine;
using System.Globalization;
using GatewayQkd.Cli.Commands;
using GatewayQkd.TestSupport;
using Xunit;

namespace GatewayQkd.Cli.Tests.Simulate;

/// <summary>`simulate --scenario`: the bundled outage scenario in the simulator, phase by phase and K_sec by K_sec.</summary>
public sealed class SimulateScenarioTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gatewayqkd-simulate-scenario-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_Outage_Scenario_Prints_Delay_And_Sr_By_K_Sec_For_Each_Phase_And_Writes_Them()
    {
        var (code, output, error) = Invoke("--scenario", RepositoryPaths.Of("scenarios/outage.yaml"), "--out", _folder);

        Assert.True(code == 0, error);
        foreach (var phase in new[] { "before", "during", "after" })
        {
            Assert.Contains($"  {phase,-7} ", output, StringComparison.Ordinal);
        }

        var rows = File.ReadAllLines(Path.Combine(_folder, "scenario-simulation.csv"));
        Assert.Equal("phase,k_sec,requests,mean_delay_s,success_rate", rows[0]);
        Assert.Equal(15, rows.Length - 1); // 3 phases x K_sec 1..5
        Assert.Contains("V_gen bit/s: GN 1 ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Scenario_Without_Geography_Is_Refused_Naming_The_Option()
    {
        var path = Path.Combine(_folder, "plain.yaml");
        File.WriteAllText(path, "gateways: 2\n");

        var (code, _, error) = Invoke("--scenario", path);

        Assert.Equal(2, code);
        Assert.Contains("--scenario", error, StringComparison.Ordinal);
        Assert.Contains("has no geography", error, StringComparison.Ordinal);
    }

    private static (int Code, string Output, string Error) Invoke(params string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        int code = GatewayQkdRootCommand.Create().Parse(["simulate", .. args]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
