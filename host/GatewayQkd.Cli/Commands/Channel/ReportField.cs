namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>One documented output quantity: its CSV/JSON name, unit, meaning and how to read it from a report.</summary>
public sealed record ReportField<T>(string Name, string Unit, string Description, Func<T, double> Value);
