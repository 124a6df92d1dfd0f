namespace GatewayQkd.BoardTwin.Tests.Support;

/// <summary>Bounded polling for asynchronous conditions (a wait, never a timed assertion).</summary>
internal static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> every 20 ms for up to <paramref name="seconds"/> s and returns its last value.</summary>
    public static async Task<bool> TrueAsync(Func<bool> condition, double seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }
}
