namespace GatewayQkd.Emulation.Tests.Support;

/// <summary>Bounded polling for asynchronous conditions (a wait, never a timed assertion).</summary>
internal static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> every 10 ms for up to 20 s and returns its last value.</summary>
    public static async Task<bool> TrueAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
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
}
