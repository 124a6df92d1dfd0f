using GatewayQkd.Core.Protocol;
using GatewayQkd.Core.Scheduling;

namespace GatewayQkd.Core.Gateway
{
    /// <summary>Turns the DDKA policy's supplement decision into its wire message.</summary>
    internal static class SupplementMessages
    {
        public static SupplementMessage From(SupplementRequest decision)
        {
            int reason = decision.Reason == SupplementReason.InsufficientKeys
                ? SupplementMessage.ReasonInsufficientKeys
                : SupplementMessage.ReasonBelowLowThreshold;
            return new SupplementMessage(
                (ushort)decision.PeerId, reason, StatusSnapshot.Bits(decision.PoolLevelBits), StatusSnapshot.Bits(decision.PendingDemandBits), StatusSnapshot.Bits(decision.RequestedBits),
                (uint)decision.WeightQuantityBits, decision.WeightSecurityLevel, decision.Weight);
        }
    }
}
