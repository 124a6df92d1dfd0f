using GatewayQkd.Emulation.Options;

namespace GatewayQkd.Emulation.Scenario;

/// <summary>
/// The story of a scenario's weather: when each gateway's site lies under a weather event (its outage), and the three
/// phases the report compares - before the first gateway is covered, during (first cover to last uncover), after.
/// Times are emulated seconds, found by stepping the weather timeline at <see cref="StepSeconds"/>.
/// </summary>
public sealed record ScenarioPhases
{
    /// <summary>The time step at which the weather timeline is scanned (s): the report's resolution of outage start and end.</summary>
    public const double StepSeconds = 0.1;

    /// <summary>The phase names in order.</summary>
    public static readonly IReadOnlyList<string> Names = ["before", "during", "after"];

    /// <summary>Gets the covered intervals [start, end) of each gateway that an event covers at some time, by gateway id.</summary>
    public required IReadOnlyDictionary<ushort, IReadOnlyList<(double Start, double End)>> Outages { get; init; }

    /// <summary>Gets the start of the "during" phase: the first time any gateway is covered (NaN when none ever is).</summary>
    public required double OutageStart { get; init; }

    /// <summary>Gets the end of the "during" phase: the last time a gateway is uncovered (NaN when none ever is).</summary>
    public required double OutageEnd { get; init; }

    /// <summary>Gets the run's length in emulated seconds.</summary>
    public required double EndSeconds { get; init; }

    /// <summary>Gets the gateways an event covers at some time, in id order.</summary>
    public IReadOnlyList<ushort> AffectedGateways => [.. Outages.Keys.Order()];

    /// <summary>Returns the phase intervals (name, start, end), leaving out empty ones.</summary>
    public IReadOnlyList<(string Name, double Start, double End)> Intervals()
    {
        if (double.IsNaN(OutageStart))
        {
            return [("before", 0, EndSeconds)];
        }

        var all = new[] { ("before", 0.0, Math.Min(OutageStart, EndSeconds)), ("during", OutageStart, Math.Min(OutageEnd, EndSeconds)), ("after", OutageEnd, EndSeconds) };
        return [.. all.Where(p => p.Item3 > p.Item2)];
    }

    /// <summary>Returns the phase a time lies in.</summary>
    public string PhaseOf(double seconds) =>
        double.IsNaN(OutageStart) || seconds < OutageStart ? "before" : seconds < OutageEnd ? "during" : "after";

    /// <summary>Scans the weather of each emulated gateway's site over [0, <paramref name="endSeconds"/>).</summary>
    public static ScenarioPhases Of(ScenarioGeography geography, int gateways, double endSeconds)
    {
        ArgumentNullException.ThrowIfNull(geography);
        var outages = new Dictionary<ushort, IReadOnlyList<(double, double)>>();
        for (ushort id = 1; id <= gateways; id++)
        {
            if (geography.SiteOf(id) is not { } site)
            {
                continue;
            }

            var intervals = new List<(double, double)>();
            var coveredSince = double.NaN;
            var steps = (long)Math.Ceiling(endSeconds / StepSeconds);
            for (long i = 0; i <= steps; i++)
            {
                var t = Math.Min(i * StepSeconds, endSeconds);
                var covered = i < steps && geography.WeatherAt(site.Position, t) != geography.BaseWeather;
                if (covered && double.IsNaN(coveredSince))
                {
                    coveredSince = t;
                }
                else if (!covered && !double.IsNaN(coveredSince))
                {
                    intervals.Add((coveredSince, t));
                    coveredSince = double.NaN;
                }
            }

            if (intervals.Count > 0)
            {
                outages[id] = intervals;
            }
        }

        var starts = outages.Values.SelectMany(v => v).Select(v => v.Item1).ToArray();
        var ends = outages.Values.SelectMany(v => v).Select(v => v.Item2).ToArray();
        return new ScenarioPhases
        {
            Outages = outages,
            OutageStart = starts.Length == 0 ? double.NaN : starts.Min(),
            OutageEnd = ends.Length == 0 ? double.NaN : ends.Max(),
            EndSeconds = endSeconds,
        };
    }
}
