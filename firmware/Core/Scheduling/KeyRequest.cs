namespace GatewayQkd.Core.Scheduling
{
    /// <summary>
    /// A key request K_Request = (K_qua, K_sec, T1, T2, G1, G2) with its arrival time (DDKA s3.5): a sensor asks its
    /// gateway for K_qua bits of key at security level K_sec for a session from source to destination gateway.
    /// </summary>
    /// <remarks>Immutable. A plaintext request (K_sec 0) carries K_qua 0 and needs no key.</remarks>
    public sealed class KeyRequest : IDdkaOrderable
    {
        /// <summary>
        /// Creates a request; K_sec must be 0..5, K_qua a positive whole number of bytes in bits for K_sec 1..5 and 0 for
        /// K_sec 0, the arrival time non-negative.
        /// </summary>
        public KeyRequest(int sensorId, long requestId, int sourceGateway, int destinationGateway, long arrivalTime, int kQuaBits, int kSec)
        {
            if (!SecurityLevel.IsValid(kSec))
            {
                throw new System.ArgumentOutOfRangeException("kSec", "K_sec must be 0..5.");
            }

            if (kSec == SecurityLevel.Plaintext ? kQuaBits != 0 : kQuaBits <= 0 || kQuaBits % 8 != 0)
            {
                throw new System.ArgumentOutOfRangeException("kQuaBits", "K_qua must be 0 for plaintext and a positive multiple of 8 bits otherwise.");
            }

            if (arrivalTime < 0)
            {
                throw new System.ArgumentOutOfRangeException("arrivalTime", "The arrival time must not be negative.");
            }

            SensorId = sensorId;
            RequestId = requestId;
            SourceGateway = sourceGateway;
            DestinationGateway = destinationGateway;
            ArrivalTime = arrivalTime;
            KQuaBits = kQuaBits;
            KSec = kSec;
        }

        /// <summary>Gets the id of the sensor (terminal T1) that sent the request.</summary>
        public int SensorId { get; private set; }

        /// <summary>Gets the sensor's request counter.</summary>
        public long RequestId { get; private set; }

        /// <summary>Gets the source gateway G1.</summary>
        public int SourceGateway { get; private set; }

        /// <summary>Gets the destination gateway G2 (selects the virtual key pool).</summary>
        public int DestinationGateway { get; private set; }

        /// <summary>Gets the arrival time t_arr.</summary>
        public long ArrivalTime { get; private set; }

        /// <summary>Gets the key quantity requirement K_qua in bits.</summary>
        public int KQuaBits { get; private set; }

        /// <summary>Gets the key security requirement K_sec (0..5).</summary>
        public int KSec { get; private set; }

        /// <summary>Gets whether the request needs key material (K_sec above 0).</summary>
        public bool NeedsKey
        {
            get { return KSec != SecurityLevel.Plaintext; }
        }

        /// <inheritdoc />
        public int WeightQuantityBits
        {
            get { return KQuaBits; }
        }

        /// <inheritdoc />
        public int WeightSecurityLevel
        {
            get { return KSec; }
        }

        /// <inheritdoc />
        public int SenderId
        {
            get { return SensorId; }
        }

        /// <inheritdoc />
        public long SequenceNumber
        {
            get { return RequestId; }
        }
    }
}
