using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace GatewayQkd.Emulation.Benchmarks;

/// <summary>
/// Managed allocations of this process by type, sampled from the runtime's GCAllocationTick events (one event about
/// every 100 KB allocated, naming the type of the object that crossed the mark: documented in
/// learn.microsoft.com/dotnet/fundamentals/diagnostics/runtime-garbage-collection-events#gcallocationtick_v4-event),
/// so large shares are accurate and small ones noisy. Used by `bench capacity` to say where the bytes per key go.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new();
    private volatile bool _recording;

    /// <summary>Starts or stops counting (events outside a recording window are ignored).</summary>
    public bool Recording
    {
        get => _recording;
        set => _recording = value;
    }

    /// <summary>Returns the sampled bytes by type name, largest first.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ByType() => [.. _bytes.OrderByDescending(p => p.Value)];

    /// <summary>Forgets what was counted.</summary>
    public void Clear() => _bytes.Clear();

    /// <inheritdoc />
    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        if (eventSource.Name == RuntimeSource)
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    /// <inheritdoc />
    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (!_recording || eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }

        var type = "?";
        long amount = 0;
        for (var i = 0; i < eventData.PayloadNames.Count; i++)
        {
            switch (eventData.PayloadNames[i])
            {
                case "TypeName":
                    type = eventData.Payload[i] as string ?? "?";
                    break;
                case "AllocationAmount64":
                    amount = Convert.ToInt64(eventData.Payload[i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "AllocationAmount" when amount == 0:
                    amount = Convert.ToInt64(eventData.Payload[i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
            }
        }

        _bytes.AddOrUpdate(type, amount, (_, total) => total + amount);
    }
}
