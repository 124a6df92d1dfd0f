using GatewayQkd.Core.Crypto;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// Decodes and verifies inbound frames on one channel: length, version, type, size limits, recipient, sender key,
    /// tag, freshness, body ranges, in that order (docs/protocol.md s5). Only when every check passes is the counter
    /// committed to the <see cref="ReplayGuard"/>; any failure returns a result code and changes nothing.
    /// </summary>
    public sealed class FrameOpener
    {
        private readonly ushort _localId;
        private readonly ICryptoPrimitives _crypto;
        private readonly PeerKeyTable _keys;
        private readonly ReplayGuard _guard;
        private readonly FrameType[] _accepted;

        /// <summary>Creates an opener for frames to <paramref name="localId"/> of the given types from senders in <paramref name="keys"/>.</summary>
        public FrameOpener(ushort localId, ICryptoPrimitives crypto, PeerKeyTable keys, ReplayGuard guard, FrameType[] accepted)
        {
            if (crypto == null || keys == null || guard == null || accepted == null)
            {
                throw new System.ArgumentNullException(crypto == null ? "crypto" : keys == null ? "keys" : guard == null ? "guard" : "accepted");
            }

            _localId = localId;
            _crypto = crypto;
            _keys = keys;
            _guard = guard;
            _accepted = accepted;
        }

        /// <summary>Opens <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>, from any known sender.</summary>
        public FrameOpenResult Open(byte[] data, int offset, int count)
        {
            return Open(data, offset, count, -1);
        }

        /// <summary>
        /// Opens a frame that must come from <paramref name="requiredSender"/> (e.g. the sensor id its topic names), or
        /// from any known sender when it is -1; a different sender is <see cref="FrameStatus.BadTopic"/>.
        /// </summary>
        public FrameOpenResult Open(byte[] data, int offset, int count, int requiredSender)
        {
            int minimum = FrameLimits.HeaderLength + FrameLimits.TagLength;
            if (data == null || offset < 0 || count < 0 || offset > data.Length - count)
            {
                return FrameOpenResult.Rejected(FrameStatus.Truncated, "frame: no bytes in the given window.");
            }

            if (count < minimum)
            {
                return FrameOpenResult.Rejected(FrameStatus.Truncated, "frame: expected at least " + minimum.ToString() + " bytes, got " + count.ToString() + ".");
            }

            FrameHeader header;
            try
            {
                header = FrameHeader.ReadFrom(new FrameReader(data, offset, FrameLimits.HeaderLength));
            }
            catch (FrameFormatException e)
            {
                return FrameOpenResult.Rejected(e.Status, e.Message);
            }

            FrameOpenResult problem = CheckEnvelope(header, count);
            if (problem != null)
            {
                return problem;
            }

            if (requiredSender >= 0 && header.SenderId != requiredSender)
            {
                return FrameOpenResult.Rejected(
                    FrameStatus.BadTopic, "sender: the topic names " + requiredSender.ToString() + ", the frame says " + header.SenderId.ToString() + ".");
            }

            FrameKeys keys = _keys.Find(header.SenderId);
            if (keys == null)
            {
                return FrameOpenResult.Rejected(FrameStatus.UnknownSender, "sender " + header.SenderId.ToString() + ": no key configured.");
            }

            int signed = FrameLimits.HeaderLength + header.BodyLength;
            byte[] expected = _crypto.HmacSha256(keys.AuthKey, data, offset, signed);
            if (!ConstantTime.AreEqual(expected, 0, data, offset + signed, FrameLimits.TagLength))
            {
                return FrameOpenResult.Rejected(FrameStatus.BadTag, "tag: does not verify under sender " + header.SenderId.ToString() + "'s key.");
            }

            if (!_guard.IsFresh(header.SenderId, header.Counter))
            {
                return FrameOpenResult.Rejected(
                    FrameStatus.Replayed,
                    "counter: expected above " + _guard.HighWaterMark(header.SenderId).ToString() + ", got " + header.Counter.ToString() + " (replay).");
            }

            if (!_guard.HasRoomFor(header.SenderId))
            {
                // Refused before anything is committed: a full table must never throw out of the receive path.
                return FrameOpenResult.Rejected(
                    FrameStatus.UnknownSender, "sender " + header.SenderId.ToString() + ": the replay table already tracks " + ReplayGuard.MaxSenders.ToString() + " senders.");
            }

            FrameBody body;
            try
            {
                body = FrameBodyParser.Parse(header.Type, new FrameReader(data, offset + FrameLimits.HeaderLength, header.BodyLength));
            }
            catch (FrameFormatException e)
            {
                return FrameOpenResult.Rejected(FrameStatus.MalformedBody, e.Message);
            }

            _guard.Record(header.SenderId, header.Counter);
            return FrameOpenResult.Accepted(header, body, keys);
        }

        private FrameOpenResult CheckEnvelope(FrameHeader header, int count)
        {
            int expected = FrameLimits.HeaderLength + header.BodyLength + FrameLimits.TagLength;
            if (count != expected)
            {
                return FrameOpenResult.Rejected(
                    FrameStatus.LengthMismatch, "frame: expected " + expected.ToString() + " bytes, got " + count.ToString() + ".");
            }

            int max = FrameBodyParser.MaxBodyLength(header.Type);
            if (header.BodyLength > max)
            {
                return FrameOpenResult.Rejected(
                    FrameStatus.BodyTooLarge, "body length: expected at most " + max.ToString() + ", got " + header.BodyLength.ToString() + ".");
            }

            if (header.RecipientId != _localId)
            {
                return FrameOpenResult.Rejected(
                    FrameStatus.WrongRecipient, "recipient: expected " + _localId.ToString() + ", got " + header.RecipientId.ToString() + ".");
            }

            for (int i = 0; i < _accepted.Length; i++)
            {
                if (_accepted[i] == header.Type)
                {
                    return null;
                }
            }

            return FrameOpenResult.Rejected(FrameStatus.UnexpectedType, "type " + ((int)header.Type).ToString() + ": not accepted on this channel.");
        }
    }
}
