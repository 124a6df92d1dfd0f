using System.CommandLine;
using GatewayQkd.Cli.Commands;
using GatewayQkd.Cli.Commands.Options;

namespace GatewayQkd.Cli.Tests.Options;

/// <summary>The one option pattern: every option is described, checks name their option, domain errors map to the option.</summary>
public class OptionDeclarationTests
{
    [Fact]
    public void Every_Option_Of_Every_Command_Has_A_Description()
    {
        var undescribed = Commands(GatewayQkdRootCommand.Create())
            .SelectMany(c => c.Options.Where(o => o is not System.CommandLine.Help.HelpOption and not VersionOption).Select(o => (Command: c.Name, Option: o)))
            .Where(p => string.IsNullOrWhiteSpace(p.Option.Description))
            .Select(p => $"{p.Command} {p.Option.Name}")
            .ToArray();

        Assert.Empty(undescribed);
    }

    [Fact]
    public void A_Checked_Option_Refuses_A_Bad_Value_At_Parse_Time_With_Its_Error()
    {
        var option = CliOption.Bounded("--count", "how many", 1, 1, 10);
        var command = new Command("x");
        CliOption.AddTo(command, option);

        var parse = command.Parse(["--count", "11"]);

        Assert.Equal("--count must be within 1..10, got 11.", Assert.Single(parse.Errors).Message);
    }

    [Fact]
    public void A_Parsed_Option_Names_Itself_Before_The_Parsers_Message()
    {
        var option = CliOption.Parsed(CliOption.Described<string?>("--endpoint", "where"), text => throw new FormatException($"'{text}' is not HOST:PORT."));
        var command = new Command("x");
        CliOption.AddTo(command, option);

        var parse = command.Parse(["--endpoint", "nowhere"]);

        Assert.Equal("--endpoint: 'nowhere' is not HOST:PORT.", Assert.Single(parse.Errors).Message);
    }

    [Fact]
    public void A_Domain_Argument_Error_Is_Reported_Under_The_Option_That_Sets_The_Parameter()
    {
        var map = new OptionMap();
        map.Sets(CliOption.Described<double?>("--distance-km", "d"), "DistanceKm");

        var line = map.Describe(new ArgumentOutOfRangeException("DistanceKm", -1.0, "DistanceKm must not be negative (got -1)."), "channel");

        Assert.Equal("--distance-km: DistanceKm must not be negative (got -1).", line);
    }

    [Fact]
    public void An_Error_Already_Naming_An_Option_Or_An_Unmapped_Parameter_Keeps_Its_Name()
    {
        var map = new OptionMap();

        Assert.Equal("--preset: no such preset.", map.Describe(new ArgumentException("no such preset.", "--preset"), "channel"));
        Assert.Equal("LevelSamples", map.NameOf("LevelSamples", "simulate"));
        Assert.Equal("simulate", map.NameOf(null, "simulate"));
    }

    [Fact]
    public void A_Model_Option_Changes_The_Model_Only_When_Given()
    {
        var option = ModelOption<Sample>.Value("--size", nameof(Sample.Size), "size", s => s.Size, (s, v) => s with { Size = v });
        var command = new Command("x");
        ModelOption<Sample>.AddTo([option], command, new OptionMap());
        var start = new Sample { Size = 9 };

        Assert.Equal(9, option.Apply(command.Parse([]), start).Size);
        Assert.Equal(4, option.Apply(command.Parse(["--size", "4"]), start).Size);
        Assert.Contains("--size", command.Parse(["--size", "4"]).Tokens.Select(t => t.Value));
    }

    private static IEnumerable<Command> Commands(Command command) => command.Subcommands.SelectMany(Commands).Prepend(command);

    public sealed record Sample
    {
        public int Size { get; init; } = 2;
    }
}
