namespace GatewayQkd.Core.Scheduling
{
    /// <summary>Why a gateway asks the HAP for key supplement.</summary>
    public enum SupplementReason
    {
        /// <summary>The pool level K_sur fell below K_threshold_low (idle-slot replenishment, DDKA eq. (6)).</summary>
        BelowLowThreshold = 1,

        /// <summary>Queued requests need more bits than the pool holds (on-demand supplement, DDKA s3.3 case 2).</summary>
        InsufficientKeys = 2,
    }
}
