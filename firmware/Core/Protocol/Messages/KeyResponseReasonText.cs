namespace GatewayQkd.Core.Protocol
{
    /// <summary>Human-readable text for <see cref="KeyResponseReason"/> values (enum names are numbers on nanoFramework).</summary>
    public static class KeyResponseReasonText
    {
        /// <summary>Returns the reason as a short phrase for logs ("the request queue is full").</summary>
        public static string Describe(KeyResponseReason reason)
        {
            switch (reason)
            {
                case KeyResponseReason.None:
                    return "no problem";
                case KeyResponseReason.PlaintextLevel:
                    return "K_sec 0 is plaintext and needs no key";
                case KeyResponseReason.UnknownDestination:
                    return "the destination has no key stream on this gateway";
                case KeyResponseReason.QueueFull:
                    return "the request queue is full";
                case KeyResponseReason.DuplicateRequest:
                    return "a request with this id is already queued";
                case KeyResponseReason.PoolLow:
                    return "not enough key in the pool now";
                case KeyResponseReason.ExceedsCapacity:
                    return "the request exceeds the pool's capacity";
                case KeyResponseReason.Expired:
                    return "the request waited past its deadline";
                default:
                    return "unknown reason " + ((int)reason).ToString();
            }
        }
    }
}
