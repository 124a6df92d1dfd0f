using System.Globalization;

namespace GatewayQkd.Cli.Tests.Emulate;

/// <summary>`bench capacity` end to end with tiny settings (a smoke test: it checks the report's shape, never timing).</summary>
public sealed class BenchCapacityCommandTests
{
    [Fact]
    public async Task Capacity_Reports_Each_Broker_With_Its_Steps_And_Its_Raw_Rate_At_2N_Plus_1_Connections()
    {
        var (exit, output, error) = await EmulationCommandRunner.RunAsync("bench", "capacity", "--gateways", "2", "--seconds", "0.5", "--steps", "2");

        Assert.True(exit == 0, output + error);
        Assert.Contains("raw QoS 1 publish, mosquitto, 5 connections", output, StringComparison.Ordinal);
        Assert.Contains("raw QoS 1 publish, embedded, 5 connections", output, StringComparison.Ordinal);
        var summary = Table(output, "| broker | gateways | highest sustained keys/s |");
        Assert.Equal(["mosquitto", "embedded"], summary.Select(r => r[0]));
        Assert.All(summary, r => Assert.True(double.Parse(r[6], CultureInfo.InvariantCulture) > 0, $"raw rate '{r[6]}'"));
        var steps = Table(output, "| broker | gateways | pools filled in (s) | offered requests/s |");
        foreach (var broker in new[] { "mosquitto", "embedded" })
        {
            Assert.InRange(steps.Count(r => r[0] == broker && r[1] == "2"), 1, 2); // at most --steps, fewer when the bound is crossed
        }

        Assert.All(steps, r => Assert.True(double.TryParse(r[2], CultureInfo.InvariantCulture, out var fill) && fill >= 0, $"pools filled in '{r[2]}': every step's window opened after the fill"));
        Assert.All(steps, r => Assert.True(long.TryParse(r[^1], CultureInfo.InvariantCulture, out var unrouted) && unrouted >= 0, $"unrouted messages '{r[^1]}'"));
        var perKey = Table(output, "| broker | gateways | request | response | telemetry |");
        Assert.Equal(["mosquitto", "embedded"], perKey.Select(r => r[0]));
        foreach (var row in perKey.Where(r => r[2] != "no key delivered"))
        {
            var kinds = row[2..^1].Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(kinds.Sum(), double.Parse(row[^1], CultureInfo.InvariantCulture), 0.01); // the total is the kinds' sum
            Assert.True(kinds[1] > 0, $"a key delivered came in a response: {string.Join(" | ", row)}");
        }
    }

    [Fact]
    public async Task Brokers_And_Start_Choose_The_Broker_And_The_First_Steps_Offered_Load()
    {
        var (exit, output, error) = await EmulationCommandRunner.RunAsync("bench", "capacity", "--gateways", "2", "--seconds", "0.5", "--steps", "1", "--brokers", "embedded", "--start", "20");

        Assert.True(exit == 0, output + error);
        Assert.DoesNotContain("mosquitto", output, StringComparison.Ordinal);
        var step = Assert.Single(Table(output, "| broker | gateways | pools filled in (s) | offered requests/s |"));
        Assert.Equal("embedded", step[0]);
        // 20 requests/s per gateway at 2 gateways: 40 offered (Poisson, so the window's count is near, not exact)
        Assert.InRange(double.Parse(step[3], CultureInfo.InvariantCulture), 15, 80);
    }

    // The rows of the Markdown table under the header line starting with <paramref name="header"/>, as trimmed cells.
    private static List<string[]> Table(string output, string header)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.FindIndex(l => l.StartsWith(header, StringComparison.Ordinal));
        Assert.True(start >= 0, $"no table '{header}' in:\n{output}");
        return [.. lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|')).Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray())];
    }
}
