using System.Globalization;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Emulation.Bus;

/// <summary>
/// The one way a run waits for its bus to drain: <see cref="IRunBus.FlushAsync"/>'s false (the broker did not
/// acknowledge everything in time) is logged, never dropped; the bus counts it in <see cref="BusStatistics.FlushTimeouts"/>.
/// </summary>
public static class RunBusFlush
{
    /// <summary>Flushes <paramref name="bus"/>; on a timeout writes one line at <paramref name="level"/> saying what it means for <paramref name="purpose"/>.</summary>
    public static async Task<bool> FlushOrLogAsync(this IRunBus bus, TimeSpan timeout, ILog log, LogLevel level, string purpose)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(log);
        if (await bus.FlushAsync(timeout).ConfigureAwait(false))
        {
            return true;
        }

        log.Write(level, string.Create(CultureInfo.InvariantCulture, $"{purpose}: the broker did not acknowledge every message within {timeout.TotalSeconds:0.#} s (flush timeouts on this connection: {bus.Statistics.FlushTimeouts})."));
        return false;
    }
}
