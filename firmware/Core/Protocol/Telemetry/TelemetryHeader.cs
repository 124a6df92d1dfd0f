using GatewayQkd.Core.Pool;

namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// The 21-byte head of a telemetry frame, authenticated as associated data: version u8, type u8 (7), sensor u16,
    /// gateway u16, counter u32, key peer u16, key offset u32, key length u16, mode u8, plaintext length u16.
    /// The key id tells the central server which key to look up.
    /// </summary>
    public sealed class TelemetryHeader
    {
        /// <summary>The encoded size.</summary>
        public const int Length = 21;

        /// <summary>Creates a header.</summary>
        public TelemetryHeader(ushort sensorId, ushort gatewayId, uint counter, KeyRange key, TelemetryMode mode, int plaintextLength)
        {
            if (key == null)
            {
                throw new System.ArgumentNullException("key");
            }

            FieldCheck.InRange("mode", (int)mode, (int)TelemetryMode.OneTimePad, (int)TelemetryMode.AesCtrHmac);
            FieldCheck.InRange("plaintext length", plaintextLength, 0, FrameLimits.MaxTelemetryBytes);
            FieldCheck.InRange("key length", key.Length, 16, FrameLimits.MaxKeyBytes);
            if (mode == TelemetryMode.OneTimePad && key.Length < plaintextLength + 32)
            {
                throw new FrameFormatException(
                    FrameStatus.MalformedBody, "key length: the one-time pad needs " + (plaintextLength + 32).ToString() + " bytes, got " + key.Length.ToString() + ".");
            }

            SensorId = sensorId;
            GatewayId = gatewayId;
            Counter = counter;
            Key = key;
            Mode = mode;
            PlaintextLength = plaintextLength;
        }

        /// <summary>Gets the sending sensor.</summary>
        public ushort SensorId { get; private set; }

        /// <summary>Gets the gateway that issued the key.</summary>
        public ushort GatewayId { get; private set; }

        /// <summary>Gets the sensor's frame counter.</summary>
        public uint Counter { get; private set; }

        /// <summary>Gets the key id (range of the gateway's stream with the central server).</summary>
        public KeyRange Key { get; private set; }

        /// <summary>Gets the protection used.</summary>
        public TelemetryMode Mode { get; private set; }

        /// <summary>Gets the plaintext (and ciphertext) length.</summary>
        public int PlaintextLength { get; private set; }

        /// <summary>Writes the header.</summary>
        public void WriteTo(FrameWriter writer)
        {
            writer.WriteByte(FrameLimits.Version);
            writer.WriteByte((byte)FrameType.Telemetry);
            writer.WriteUInt16(SensorId);
            writer.WriteUInt16(GatewayId);
            writer.WriteUInt32(Counter);
            writer.WriteUInt16(Key.PeerId);
            writer.WriteUInt32(Key.Offset);
            writer.WriteUInt16((ushort)Key.Length);
            writer.WriteByte((byte)Mode);
            writer.WriteUInt16((ushort)PlaintextLength);
        }

        /// <summary>Reads and range-checks a header; throws <see cref="FrameFormatException"/> naming the problem.</summary>
        public static TelemetryHeader ReadFrom(FrameReader reader)
        {
            byte version = reader.ReadByte("version");
            if (version != FrameLimits.Version)
            {
                throw new FrameFormatException(FrameStatus.UnsupportedVersion, "version: expected 1, got " + version.ToString() + ".");
            }

            byte type = reader.ReadByte("type");
            if (type != (byte)FrameType.Telemetry)
            {
                throw new FrameFormatException(FrameStatus.UnexpectedType, "type: expected 7 (telemetry), got " + type.ToString() + ".");
            }

            ushort sensor = reader.ReadUInt16("sensor id");
            ushort gateway = reader.ReadUInt16("gateway id");
            uint counter = reader.ReadUInt32("counter");
            ushort peer = reader.ReadUInt16("key peer");
            uint offset = reader.ReadUInt32("key offset");
            ushort length = reader.ReadUInt16("key length");
            byte mode = reader.ReadByte("mode");
            ushort plaintext = reader.ReadUInt16("plaintext length");
            FieldCheck.InRange("key length", length, 16, FrameLimits.MaxKeyBytes);
            FieldCheck.InKeyStream("key id", offset, length);
            return new TelemetryHeader(sensor, gateway, counter, new KeyRange(peer, offset, length), (TelemetryMode)mode, plaintext);
        }
    }
}
