namespace GatewayQkd.Core.Scheduling
{
    /// <summary>
    /// Something the DDKA order ranks: a key request at the gateway or a supplement request at the HAP. The order is
    /// defined by <see cref="DdkaOrderComparer"/>.
    /// </summary>
    public interface IDdkaOrderable
    {
        /// <summary>Gets the arrival time (non-negative; same unit as the slot length, milliseconds on the device).</summary>
        long ArrivalTime { get; }

        /// <summary>Gets the quantity K_qua in bits that enters est(K); 0 for a plaintext request (no key).</summary>
        int WeightQuantityBits { get; }

        /// <summary>Gets the level K_sec 0..5 that enters est(K).</summary>
        int WeightSecurityLevel { get; }

        /// <summary>Gets the id of the sender (sensor id for key requests, gateway id for supplement requests).</summary>
        int SenderId { get; }

        /// <summary>Gets the sender's sequence number (request counter); the last tie-break.</summary>
        long SequenceNumber { get; }
    }
}
