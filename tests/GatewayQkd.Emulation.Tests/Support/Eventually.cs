namespace GatewayQkd.Emulation.Tests.Support;

/// <summary>Bounded polling for asynchronous conditions (a wait, never a timed assertion).</summary>
internal static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> every 10 ms for up to 20 s and returns its last value.</summary>
    public static Task<bool> TrueAsync(Func<bool> condition) => TrueAsync(condition, TimeSpan.FromSeconds(20));

    /// <summary>Polls <paramref name="condition"/> every 10 ms for up to <paramref name="limit"/> and returns its last value.</summary>
    public static async Task<bool> TrueAsync(Func<bool> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }

    /// <summary>Waits until <paramref name="state"/> stays the same for 500 ms (messages in flight have settled), at most 20 s.</summary>
    public static async Task<bool> StableAsync(Func<string> state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var last = state();
        var since = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            var now = state();
            if (now != last)
            {
                last = now;
                since = DateTime.UtcNow;
            }
            else if (DateTime.UtcNow - since >= TimeSpan.FromMilliseconds(500))
            {
                return true;
            }
        }

        return false;
    }
}
