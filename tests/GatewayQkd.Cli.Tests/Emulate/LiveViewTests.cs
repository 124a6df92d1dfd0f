using GatewayQkd.Cli.Commands.Emulate;
using GatewayQkd.Emulation.Metrics;
using Spectre.Console;

namespace GatewayQkd.Cli.Tests.Emulate;

/// <summary>The live view at a console's size: labelled SKR and delivered-rate columns, a legend, no wrapped row.</summary>
public sealed class LiveViewTests
{
    private static readonly string[] Log =
    [
        "12:00:01 info  Run 'demo' started: 4 emulated gateways, 0 boards, broker 127.0.0.1:40001, key rate channel model (HAP network, Gauss-Markov fading), a long line",
        "12:00:02 warn  gatewayqkd-gn-3: reconnected to the broker at 127.0.0.1:40001.",
    ];

    [Theory]
    [InlineData(80, 24, 4)]
    [InlineData(80, 24, 16)]
    [InlineData(120, 40, 8)]
    public void Fits_The_Console_Without_Wrapping_A_Line(int width, int height, int gateways)
    {
        var lines = Render(width, height, Snapshot(gateways));

        Assert.All(lines, l => Assert.True(l.Length <= width, $"{l.Length} > {width}: {l}"));
        Assert.True(lines.Length <= height, $"{lines.Length} lines > {height}");
        var header = lines.First(l => l.Contains("GN", StringComparison.Ordinal));
        var rows = lines.Count(l => l.StartsWith("│ ", StringComparison.Ordinal) && !l.Contains("GN", StringComparison.Ordinal));
        Assert.True(rows >= Math.Min(gateways, 4), $"only {rows} gateway rows:\n{string.Join('\n', lines)}");
        Assert.Contains("SKR b/s", header, StringComparison.Ordinal);
        Assert.Contains("dlvd b/s", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_The_Channel_Rate_And_The_Delivered_Rate_Apart_With_A_Legend()
    {
        var text = string.Join('\n', Render(80, 24, Snapshot(4)));

        Assert.Contains("290.1k", text, StringComparison.Ordinal); // SKR of the channel
        Assert.Contains("1.2k", text, StringComparison.Ordinal); // delivered
        Assert.True(text.Contains("SKR b/s: channel secret key rate", StringComparison.Ordinal), text);
        Assert.True(text.Contains("dlvd b/s: key rate delivered", StringComparison.Ordinal), text);
        Assert.Contains("unanswered 2", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Narrow_Console_Drops_The_Least_Important_Columns_First()
    {
        var wide = string.Join('\n', Render(160, 24, Snapshot(4)));
        var narrow = string.Join('\n', Render(60, 24, Snapshot(4)));

        Assert.Contains("delivered", wide.Split('\n').First(l => l.Contains("GN", StringComparison.Ordinal)), StringComparison.Ordinal);
        var header = narrow.Split('\n').First(l => l.Contains("GN", StringComparison.Ordinal));
        Assert.Contains("pool", header, StringComparison.Ordinal);
        Assert.DoesNotContain("QBER", header, StringComparison.Ordinal);
    }

    private static string[] Render(int width, int height, RunSnapshot snapshot)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        console.Profile.Height = height;
        console.Write(LiveView.Render("demo with a long scenario name that would not fit", snapshot, 5120, Log, width, height));
        return writer.ToString().TrimEnd('\n').Split('\n').Select(l => l.TrimEnd()).ToArray();
    }

    private static RunSnapshot Snapshot(int gateways)
    {
        var samples = Enumerable.Range(1, gateways)
            .Select(i => new GatewaySample((ushort)i, 5120 - (i * 300), 290_100, 0.0251, 0.004, 123_456, 1234, i % 3, i != 2, 1234))
            .ToArray();
        var counters = new RunCounters().ToList().Select(p => new KeyValuePair<string, long>(p.Key, p.Key == "requests_waiting" ? 2 : 123_456)).ToArray();
        return new RunSnapshot(12.3, 61.5, samples, counters);
    }
}
