namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>The evaluated rows of one `channel` run and how to label them.</summary>
/// <param name="Title">Chart and table title.</param>
/// <param name="XName">Field name of the swept value ("distance_km", ...), or null for a single report.</param>
/// <param name="XLabel">Axis label of the swept value.</param>
/// <param name="Rows">The rows, series by series.</param>
/// <param name="Network">Whether the rows carry network reports.</param>
/// <param name="PlainQber">Whether the QBER chart shows plain averages instead of count-weighted ones.</param>
public sealed record ChannelRun(string Title, string? XName, string XLabel, IReadOnlyList<ChannelRow> Rows, bool Network, bool PlainQber = false)
{
    /// <summary>Gets what the curves describe (link type, preset conditions), for chart titles.</summary>
    public string Subject { get; init; } = string.Empty;

    /// <summary>Gets the options the run was bound from (recorded in JSON).</summary>
    public ChannelCommandOptions? Options { get; init; }

    /// <summary>Gets the series labels in order.</summary>
    public IReadOnlyList<string> SeriesLabels => Rows.Select(r => r.Series).Distinct().ToArray();
}
