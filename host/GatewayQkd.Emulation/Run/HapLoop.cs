namespace GatewayQkd.Emulation.Run;

/// <summary>
/// The real-time HAP loop: calls the step (key generation, block pushes, overdue resends) every interval on its own
/// task, so the central store's durable writes never hold up the gateways' run loop. Stopping waits for the step in
/// progress to finish.
/// </summary>
public sealed class HapLoop : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _task;

    private HapLoop(Action step, TimeSpan interval) => _task = Task.Run(() => LoopAsync(step, interval, _stop.Token), CancellationToken.None);

    /// <summary>Starts calling <paramref name="step"/> at once and then every <paramref name="interval"/>.</summary>
    public static HapLoop Start(Action step, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return new HapLoop(step, interval);
    }

    /// <summary>Stops the loop and waits for it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _task.ConfigureAwait(false);
        _stop.Dispose();
    }

    private static async Task LoopAsync(Action step, TimeSpan interval, CancellationToken token)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                step();
            }
            while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // the run is over
        }
    }
}
