namespace GatewayQkd.Cli.Tests;

/// <summary>Tests that set the process's environment variables (passwords the CLI reads) run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "environment variables";
}

/// <summary>The environment variables the emulate command reads passwords from.</summary>
internal static class EmulateCommandVariables
{
    public const string Wifi = GatewayQkd.Cli.Commands.Emulate.EmulateCommand.WifiPasswordVariable;
    public const string Broker = "GATEWAYQKD_BROKER_PASSWORD";
}
