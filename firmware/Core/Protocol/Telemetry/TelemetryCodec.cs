using GatewayQkd.Core.Crypto;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// Seals a sensor's telemetry under a quantum key and, at the central server, verifies and decrypts it
    /// (docs/protocol.md s7). Frame: <see cref="TelemetryHeader"/> (associated data), ciphertext, 16-byte tag. The
    /// server reads the key id with <see cref="ReadHeader"/>, looks the key up (and marks it used: a key opens one
    /// frame only), then calls <see cref="Open"/>.
    /// </summary>
    public sealed class TelemetryCodec
    {
        /// <summary>The tag length in bytes (Poly1305, or HMAC-SHA256 truncated to 128 bits).</summary>
        public const int TagLength = 16;

        private readonly AesCtrHmacAead _aead;

        /// <summary>Creates the codec on the given primitives.</summary>
        public TelemetryCodec(ICryptoPrimitives crypto)
        {
            _aead = new AesCtrHmacAead(crypto);
        }

        /// <summary>Returns the telemetry frame for <paramref name="plaintext"/> under <paramref name="key"/>, the bytes of key id <paramref name="header"/>.Key.</summary>
        public byte[] Seal(TelemetryHeader header, byte[] key, byte[] plaintext)
        {
            if (header == null || key == null || plaintext == null)
            {
                throw new System.ArgumentNullException(header == null ? "header" : key == null ? "key" : "plaintext");
            }

            FieldCheck.Length("key", key, header.Key.Length);
            FieldCheck.Length("plaintext", plaintext, header.PlaintextLength);
            FrameWriter head = new FrameWriter(TelemetryHeader.Length);
            header.WriteTo(head);
            byte[] sealedPayload = header.Mode == TelemetryMode.OneTimePad
                ? OneTimePadPoly1305.Seal(OneTimeKey(key, plaintext.Length), head.Buffer, plaintext)
                : _aead.Seal(key, new byte[AesCtrHmacAead.NonceLength], head.Buffer, plaintext);
            FrameWriter frame = new FrameWriter(TelemetryHeader.Length + sealedPayload.Length);
            frame.WriteBytes(head.Buffer, 0, TelemetryHeader.Length);
            frame.WriteBytes(sealedPayload, 0, sealedPayload.Length);
            return frame.Buffer;
        }

        /// <summary>Reads the header (to find the key id); throws <see cref="FrameFormatException"/> when the frame is malformed or its length is wrong.</summary>
        public static TelemetryHeader ReadHeader(byte[] frame, int offset, int count)
        {
            if (count < TelemetryHeader.Length + TagLength)
            {
                throw new FrameFormatException(
                    FrameStatus.Truncated, "telemetry: expected at least " + (TelemetryHeader.Length + TagLength).ToString() + " bytes, got " + count.ToString() + ".");
            }

            TelemetryHeader header = TelemetryHeader.ReadFrom(new FrameReader(frame, offset, TelemetryHeader.Length));
            int expected = TelemetryHeader.Length + header.PlaintextLength + TagLength;
            if (count != expected)
            {
                throw new FrameFormatException(
                    FrameStatus.LengthMismatch, "telemetry: expected " + expected.ToString() + " bytes, got " + count.ToString() + ".");
            }

            return header;
        }

        /// <summary>Verifies and decrypts a telemetry frame with the key bytes of its key id; any failure returns a code and no plaintext.</summary>
        public TelemetryOpenResult Open(byte[] frame, int offset, int count, byte[] key)
        {
            TelemetryHeader header;
            try
            {
                header = ReadHeader(frame, offset, count);
                FieldCheck.Length("key", key, header.Key.Length);
            }
            catch (FrameFormatException e)
            {
                return TelemetryOpenResult.Rejected(e.Status, e.Message, null);
            }

            byte[] head = Bytes.CopyOf(frame, offset, TelemetryHeader.Length);
            byte[] sealedPayload = Bytes.CopyOf(frame, offset + TelemetryHeader.Length, count - TelemetryHeader.Length);
            byte[] plaintext;
            AuthStatus status = header.Mode == TelemetryMode.OneTimePad
                ? OneTimePadPoly1305.Open(OneTimeKey(key, header.PlaintextLength), head, sealedPayload, out plaintext)
                : _aead.Open(key, new byte[AesCtrHmacAead.NonceLength], head, sealedPayload, out plaintext);
            if (status != AuthStatus.Authentic)
            {
                return TelemetryOpenResult.Rejected(FrameStatus.BadTag, "telemetry tag: does not verify under key " + header.Key.ToString() + ".", header);
            }

            return TelemetryOpenResult.Accepted(header, plaintext);
        }

        // The one-time pad spends exactly plaintext + 32 bytes: the Poly1305 key r|s, then the pad (OneTimePadPoly1305).
        // The rest of a longer key is not used and is burned with it.
        private static byte[] OneTimeKey(byte[] key, int plaintextLength)
        {
            return Bytes.CopyOf(key, 0, OneTimePadPoly1305.KeyLength(plaintextLength));
        }
    }
}
