using System.Buffers.Binary;
using GatewayQkd.Core.Pool;
using GatewayQkd.Kms.Store;

namespace GatewayQkd.Kms.KeyIds;

/// <summary>
/// The deterministic mapping between a key range on a gateway's key stream and an ETSI GS QKD 014 key_ID: a UUID
/// version 8 (RFC 9562 s5.8, vendor-specific layout) whose 16 octets are, big-endian:
/// 0-3 stream byte offset, 4-5 gateway (higher node id of the stream), 6 = 0x81 (version 8, layout 1),
/// 7 = 0x4B (marker 'K'), 8 = 0x80 (RFC variant 10, reserved zeros), 9 = the stream's use (0x00 the sensors' stream,
/// 0x01 the ETSI 014 reservation; <see cref="KeyStreamUse"/>), 10-11 peer (lower node id), 12-15 length in bytes. So
/// "00001000-0007-814b-8001-000000000020" is 32 bytes at offset 4096 of gateway 7's ETSI 014 reservation with the
/// central server. Both ends of a gateway-to-gateway stream map a key to the same key_ID.
/// </summary>
public static class KeyIdCodec
{
    private const byte VersionAndLayout = 0x81;
    private const byte Marker = 0x4B;
    private const byte Variant = 0x80;

    /// <summary>The key_ID of a key range on a gateway's stream.</summary>
    public static Guid Encode(GatewayKeyId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var stream = id.Stream;
        Span<byte> octets = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(octets[0..4], id.Range.Offset);
        BinaryPrimitives.WriteUInt16BigEndian(octets[4..6], stream.GatewayId);
        octets[6] = VersionAndLayout;
        octets[7] = Marker;
        octets[8] = Variant;
        octets[9] = (byte)id.Use;
        BinaryPrimitives.WriteUInt16BigEndian(octets[10..12], stream.PeerId);
        BinaryPrimitives.WriteUInt32BigEndian(octets[12..16], (uint)id.Range.Length);
        return new Guid(octets, bigEndian: true);
    }

    /// <summary>The key_ID string (lower-case hyphenated UUID) of a key range on a gateway's stream.</summary>
    public static string Format(GatewayKeyId id) => Encode(id).ToString("D");

    /// <summary>
    /// Decodes a key_ID string; false (with the reason) for anything that is not a hyphenated UUID in this layout.
    /// The result is in the view of the stream's higher node: gateway = higher id, range peer = lower id.
    /// </summary>
    public static bool TryParse(string? keyId, out GatewayKeyId? id, out string reason)
    {
        id = null;
        if (!Guid.TryParseExact(keyId, "D", out var uuid))
        {
            reason = "key_ID is not a hyphenated UUID (8-4-4-4-12 hex digits).";
            return false;
        }

        Span<byte> octets = stackalloc byte[16];
        uuid.TryWriteBytes(octets, bigEndian: true, out _);
        if (octets[6] != VersionAndLayout || octets[7] != Marker || octets[8] != Variant
            || octets[9] is not ((byte)KeyStreamUse.Sensors or (byte)KeyStreamUse.Etsi014))
        {
            reason = "key_ID is not a GatewayQkd key id (UUIDv8 layout xxxxxxxx-xxxx-814b-800u-xxxxxxxxxxxx, u = 0 or 1).";
            return false;
        }

        var offset = BinaryPrimitives.ReadUInt32BigEndian(octets[0..4]);
        var gateway = BinaryPrimitives.ReadUInt16BigEndian(octets[4..6]);
        var peer = BinaryPrimitives.ReadUInt16BigEndian(octets[10..12]);
        var length = BinaryPrimitives.ReadUInt32BigEndian(octets[12..16]);
        if (gateway <= peer)
        {
            reason = "key_ID names its stream's nodes out of order (the gateway field must hold the higher node id).";
            return false;
        }

        if (length == 0 || length > int.MaxValue || (ulong)offset + length > 1UL << 32)
        {
            reason = "key_ID names an empty key or one running past the end of the 32-bit key stream.";
            return false;
        }

        id = new GatewayKeyId(gateway, new KeyRange(peer, offset, (int)length), (KeyStreamUse)octets[9]);
        reason = string.Empty;
        return true;
    }
}
