using GatewayQkd.Cli.Commands.Fuzz;
using Xunit.Abstractions;

namespace GatewayQkd.Cli.Tests.Fuzz;

/// <summary>
/// Fuzzing in the normal test run: 125,000 cases over the five targets (frames, gateway service, settings, scenario,
/// ETSI 014 JSON), fixed seeds; no exception may escape and no refused input may change state. `gatewayqkd fuzz
/// --cases N` runs the same targets for longer and prints cases/s.
/// </summary>
public sealed class FuzzTargetTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("frames", 40_000)]
    [InlineData("gateway", 30_000)]
    [InlineData("settings", 30_000)]
    [InlineData("scenario", 5_000)]
    [InlineData("etsi", 20_000)]
    public void No_Case_Lets_An_Exception_Escape_Or_Changes_State_After_Invalid_Input(string name, int cases)
    {
        var target = FuzzTargets.Create(name)!;
        try
        {
            var report = FuzzRunner.Run(target, cases, seed: 20_260_101);

            output.WriteLine($"{name}: {report.Cases} cases, {report.Failed} failed, {report.CasesPerSecond:N0} cases/s");
            Assert.Equal(cases, report.Cases);
            Assert.True(report.Failed == 0, string.Join(Environment.NewLine, report.Failures));
        }
        finally
        {
            (target as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public void The_Runner_Reports_An_Escaping_Exception_With_The_Seed_That_Replays_It()
    {
        var report = FuzzRunner.Run(new ThrowsOnOddSeeds(), 10, seed: 100);

        Assert.Equal(5, report.Failed);
        Assert.Contains("case seed 101: escaped InvalidOperationException", report.Failures[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_Mutator_Changes_Most_Inputs_And_Never_Throws()
    {
        var input = Enumerable.Range(0, 64).Select(i => (byte)i).ToArray();
        var random = new Random(3);

        var changed = Enumerable.Range(0, 1000).Count(_ => !Mutator.Mutate(input, random).AsSpan().SequenceEqual(input));

        Assert.True(changed > 950, $"{changed} of 1000 mutations changed the input");
    }

    [Fact]
    public void The_Fuzz_Command_Prints_Cases_Per_Second_For_Each_Target()
    {
        var text = new StringWriter();
        var exit = Commands.GatewayQkdRootCommand.Create().Parse(["fuzz", "--target", "frames", "settings", "--cases", "200"])
            .Invoke(new System.CommandLine.InvocationConfiguration { Output = text, Error = text });

        Assert.Equal(0, exit);
        Assert.Contains("frames", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("settings", text.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, text.ToString().Split('\n').Count(l => l.Contains("cases/s", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_Fuzz_Command_Refuses_An_Unknown_Target_Naming_It()
    {
        var text = new StringWriter();
        var exit = Commands.GatewayQkdRootCommand.Create().Parse(["fuzz", "--target", "toaster"])
            .Invoke(new System.CommandLine.InvocationConfiguration { Output = text, Error = text });

        Assert.Equal(2, exit);
        Assert.Contains("toaster", text.ToString(), StringComparison.Ordinal);
    }

    private sealed class ThrowsOnOddSeeds : FuzzTarget
    {
        public override string Name => "odd";

        public override string Description => "throws for odd case seeds";

        public override void RunCase(Random random)
        {
            if (random.Next() >= 0 && _seed++ % 2 == 1)
            {
                throw new InvalidOperationException("odd");
            }
        }

        private int _seed;
    }
}
