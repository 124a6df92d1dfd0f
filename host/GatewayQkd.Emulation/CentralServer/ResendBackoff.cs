namespace GatewayQkd.Emulation.CentralServer;

/// <summary>
/// Bounded exponential backoff for pushing a block again (docs/protocol.md s2.7): after the n-th send of a block the
/// next one waits <see cref="First"/> x 2^n, at most <see cref="Longest"/>. Out-of-order acknowledgements, overdue
/// timers and resynchronisation reports all go through it, so a gateway that refuses blocks costs the link a few
/// frames a second at most instead of one resend per refused block (issue 15: 703 resends in 25 s before).
/// </summary>
public static class ResendBackoff
{
    /// <summary>The wait after a block's first send.</summary>
    public static readonly TimeSpan First = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest wait between two sends of one block.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(8);

    /// <summary>The wait before the next send of a block already sent <paramref name="resends"/> + 1 times.</summary>
    public static TimeSpan Delay(int resends)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(resends);
        var factor = resends >= 5 ? 32 : 1 << resends; // 250 ms x 32 = 8 s: the cap is reached at the 6th send
        var delay = First * factor;
        return delay < Longest ? delay : Longest;
    }
}
