using GatewayQkd.Emulation.Options;

namespace GatewayQkd.Cli.Commands.Fuzz;

/// <summary>
/// The scenario loader: mutated JSON and YAML scenarios through <see cref="ScenarioFile.ParseJson"/> /
/// <see cref="ScenarioFile.ParseYaml"/>, <see cref="ScenarioFile.Apply"/> and validation. Checks: it either yields valid
/// options or refuses with <see cref="EmulationOptionsException"/>; nothing else escapes.
/// </summary>
public sealed class ScenarioFuzzTarget : FuzzTarget
{
    private const string Json = """
        { "name": "fuzz", "durationSeconds": 30, "speed": 2, "seed": 7, "gateways": 3, "sensorsPerGateway": 2,
          "requestMeanIntervalSeconds": 5, "securityLevels": [1, 2, 5], "tradeOff": 0.5, "poolCapacityBits": 5120 }
        """;

    private const string Yaml = """
        name: fuzz
        durationSeconds: 30
        speed: 2
        gateways: 3
        sensorsPerGateway: 2
        securityLevels: [1, 2, 5]
        tradeOff: 0.5
        """;

    /// <summary>Creates the target; both valid scenarios must load (else the target itself is broken).</summary>
    public ScenarioFuzzTarget()
    {
        Load(Json, yaml: false);
        Load(Yaml, yaml: true);
    }

    /// <inheritdoc />
    public override string Name => "scenario";

    /// <inheritdoc />
    public override string Description => "mutated JSON and YAML scenario files through ScenarioFile parsing, Apply and validation";

    /// <inheritdoc />
    public override void RunCase(Random random)
    {
        var yaml = random.Next(2) == 0;
        try
        {
            Load(Mutator.Mutate(yaml ? Yaml : Json, random), yaml);
        }
        catch (EmulationOptionsException)
        {
            // the documented refusal
        }
    }

    private static void Load(string text, bool yaml)
    {
        var document = yaml ? ScenarioFile.ParseYaml(text, "fuzz.yaml") : ScenarioFile.ParseJson(text, "fuzz.json");
        ScenarioFile.Apply(document, new EmulationOptions(), _ => "password").Validated();
    }
}
