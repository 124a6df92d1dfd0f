using System.Diagnostics;

namespace GatewayQkd.Cli.Commands.Fuzz;

/// <summary>Runs a target for a number of cases from one seed (case i uses seed + i, so any failure replays alone).</summary>
public static class FuzzRunner
{
    /// <summary>Runs <paramref name="cases"/> cases; returns counts, the first failures (at most 10) and the speed.</summary>
    public static FuzzReport Run(FuzzTarget target, long cases, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfNegative(cases);
        var failures = new List<string>();
        long failed = 0;
        long done = 0;
        var clock = Stopwatch.StartNew();
        for (; done < cases && !cancellationToken.IsCancellationRequested; done++)
        {
            var caseSeed = unchecked(seed + (int)done);
            try
            {
                target.RunCase(new Random(caseSeed));
            }
            catch (Exception e)
            {
                failed++;
                if (failures.Count < 10)
                {
                    failures.Add($"case seed {caseSeed}: {(e is FuzzFailure ? e.Message : "escaped " + e.GetType().Name + ": " + e.Message)}");
                }
            }
        }

        return new FuzzReport(target.Name, done, failed, failures, clock.Elapsed);
    }
}

/// <summary>What a fuzz run did.</summary>
/// <param name="Target">The target's name.</param>
/// <param name="Cases">Cases run.</param>
/// <param name="Failed">Cases that broke an invariant.</param>
/// <param name="Failures">The first failures, each with the seed that replays it.</param>
/// <param name="Elapsed">Wall-clock time.</param>
public sealed record FuzzReport(string Target, long Cases, long Failed, IReadOnlyList<string> Failures, TimeSpan Elapsed)
{
    /// <summary>Gets cases per second of wall-clock time.</summary>
    public double CasesPerSecond => Elapsed.TotalSeconds > 0 ? Cases / Elapsed.TotalSeconds : 0;
}
