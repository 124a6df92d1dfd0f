using GatewayQkd.Core.Pool;

namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// The result of one inbound message for the sensor state machine: what happened and, for an answer to an open
    /// request, that request's id, level and caller tag; when served, the key id and the reading that was sent.
    /// </summary>
    public sealed class SensorOutcome
    {
        private SensorOutcome(SensorOutcomeKind kind, string message, uint requestId, int securityLevel, long tag, KeyRange range, byte[] reading)
        {
            Kind = kind;
            Message = message;
            RequestId = requestId;
            KSec = securityLevel;
            Tag = tag;
            Range = range;
            Reading = reading;
        }

        /// <summary>Gets what happened.</summary>
        public SensorOutcomeKind Kind { get; private set; }

        /// <summary>Gets a sentence for the log ("ok", or why the message was ignored or refused).</summary>
        public string Message { get; private set; }

        /// <summary>Gets the answered request's id (0 when the message answered no open request).</summary>
        public uint RequestId { get; private set; }

        /// <summary>Gets the answered request's K_sec.</summary>
        public int KSec { get; private set; }

        /// <summary>Gets the tag the caller gave <see cref="SensorClient.RequestKey(int, long)"/> (e.g. the send time, for latency).</summary>
        public long Tag { get; private set; }

        /// <summary>Gets the key id when served, else null.</summary>
        public KeyRange Range { get; private set; }

        /// <summary>Gets the plaintext reading sealed and published when served, else null.</summary>
        public byte[] Reading { get; private set; }

        /// <summary>Creates an outcome that answered no open request.</summary>
        public static SensorOutcome Ignored(SensorOutcomeKind kind, string message)
        {
            return new SensorOutcome(kind, message, 0, 0, 0, null, null);
        }

        /// <summary>Creates the outcome of an answer to an open request.</summary>
        public static SensorOutcome ForRequest(SensorOutcomeKind kind, string message, uint requestId, int securityLevel, long tag, KeyRange range, byte[] reading)
        {
            return new SensorOutcome(kind, message, requestId, securityLevel, tag, range, reading);
        }
    }
}
