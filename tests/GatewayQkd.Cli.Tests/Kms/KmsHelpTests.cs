using System.Text.RegularExpressions;

namespace GatewayQkd.Cli.Tests.Kms;

public class KmsHelpTests
{
    [Theory]
    [InlineData("", "--db --certs --address --port --seconds")]
    [InlineData("certs", "--out --sae --host")]
    [InlineData("bench", "--pairs --warmup --steady-seconds --concurrency --size --keys-per-request --engine --db --http --csv")]
    public void Help_Lists_Every_Option_With_A_Description(string subcommand, string options)
    {
        var args = subcommand.Length == 0 ? new[] { "--help" } : [subcommand, "--help"];
        var (exit, output, _) = KmsCommandRunner.Run(args);

        Assert.Equal(0, exit);
        var lines = output.Split('\n');
        foreach (var option in options.Split(' '))
        {
            var line = Assert.Single(lines, l => l.TrimStart().StartsWith(option + " ", StringComparison.Ordinal));
            var description = Regex.Replace(line.TrimStart()[option.Length..], @"<[^>]*>|\[default: [^\]]*\]", " ");
            Assert.True(description.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3, line);
        }
    }

    [Fact]
    public void Kms_Help_Lists_The_Certs_And_Bench_Subcommands()
    {
        var (_, output, _) = KmsCommandRunner.Run("--help");

        Assert.Matches(@"(?m)^\s+certs\s+\S", output);
        Assert.Matches(@"(?m)^\s+bench\s+\S", output);
    }
}
