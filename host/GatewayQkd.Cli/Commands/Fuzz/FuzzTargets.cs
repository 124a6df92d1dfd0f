namespace GatewayQkd.Cli.Commands.Fuzz;

/// <summary>The fuzz targets by name (`fuzz --list`), each made fresh for a run.</summary>
public static class FuzzTargets
{
    /// <summary>Gets the target names in the order `fuzz` runs them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["frames", "gateway", "settings", "scenario", "etsi"];

    /// <summary>Creates the target named <paramref name="name"/>, or null for an unknown name.</summary>
    public static FuzzTarget? Create(string name) => name switch
    {
        "frames" => new FrameFuzzTarget(),
        "gateway" => new GatewayFuzzTarget(),
        "settings" => new SettingsFuzzTarget(),
        "scenario" => new ScenarioFuzzTarget(),
        "etsi" => new EtsiFuzzTarget(),
        _ => null,
    };
}
