using GatewayQkd.Core.Scheduling;

namespace GatewayQkd.Emulation.Hap;

/// <summary>
/// A supplement request queued at the HAP, ranked by the core's DDKA order (arrival slot, then est(K) of eq. (2) from
/// the K_qua and K_sec the gateway sent): the same order the gateway uses for key requests (paper s3.5).
/// </summary>
internal sealed class PendingSupplement : IDdkaOrderable
{
    public PendingSupplement(ushort gatewayId, long sequence, long arrivalMilliseconds, int weightQuantityBits, int weightSecurityLevel, double bitsNeeded)
    {
        GatewayId = gatewayId;
        SequenceNumber = sequence;
        ArrivalTime = arrivalMilliseconds;
        WeightQuantityBits = weightQuantityBits;
        WeightSecurityLevel = weightSecurityLevel;
        BitsNeeded = bitsNeeded;
    }

    public ushort GatewayId { get; }

    public long ArrivalTime { get; }

    public int WeightQuantityBits { get; }

    public int WeightSecurityLevel { get; }

    public int SenderId => GatewayId;

    public long SequenceNumber { get; }

    /// <summary>Gets or sets the bits still to generate for it.</summary>
    public double BitsNeeded { get; set; }
}
