namespace GatewayQkd.Channel.TimeSeries;

/// <summary>
/// Secret key rate over time for a set of links, the input the emulator uses to time key delivery. Deterministic: the same
/// construction (options and seed) gives the same series, whatever order or spacing the times are asked in.
/// </summary>
public interface IKeyRateSource
{
    /// <summary>Gets the number of links (for a network: 0 = CS-HAP uplink, i = HAP-GN i downlink, i = 1..N).</summary>
    int LinkCount { get; }

    /// <summary>Gets the time resolution of the series in seconds (values are constant within a step).</summary>
    double StepSeconds { get; }

    /// <summary>A short name of a link ("cs-hap", "hap-gn1", ...).</summary>
    string LinkName(int link);

    /// <summary>The state of a link at a time in seconds (time &gt;= 0).</summary>
    LinkSample Sample(int link, double timeSeconds);
}
